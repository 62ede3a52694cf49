using Leeway.Humans;
using Leeway.Identity;
using Leeway.Storage;
using Leeway.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leeway.Tests.Cli;

/// <summary><c>leeway staff</c> against a real database (SQLite, and PostgreSQL through <c>--connection-string</c>):
/// accounts the product's own directory then signs in with, hashed, disabled and reset.</summary>
public sealed class StaffCommandTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Add_list_disable_enable_and_reset_act_on_the_accounts_the_product_signs_in_with(string kind)
    {
        await using var storage = await TestDatabase.CreateAsync(kind);
        string[] db = ["--connection-string", storage.ConnectionString];

        var added = await RunAsync(storage, "first password 1\n", ["staff", "add", "Lea@Example.com", "--name", "Lea Lead", "--role", "lead", .. db]);
        var generated = await RunAsync(storage, null, ["staff", "add", "ana@example.com", "--name", "Ana Agent", .. db]);
        Assert.True(added.Exit == 0, added.ToString());
        Assert.Matches("^added lea@example.com \\(lead\\), id stf_", added.Stdout);
        Assert.DoesNotContain("first password", added.Stdout + added.Stderr);
        Assert.True(generated.Exit == 0, generated.ToString());
        var password = Assert.Single(generated.StdoutLines, l => l.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..];

        var directory = new StaffDirectory(new Database(storage.ConnectionString), new IdGenerator(), TimeProvider.System);
        Assert.Equal(StaffRoles.Lead, (await directory.VerifyAsync("lea@example.com", "first password 1", default))?.Role);
        Assert.Equal(StaffRoles.Agent, (await directory.VerifyAsync("ana@example.com", password, default))?.Role);

        Assert.Equal(0, (await RunAsync(storage, null, ["staff", "disable", "ana@example.com", .. db])).Exit);
        Assert.Null(await directory.VerifyAsync("ana@example.com", password, default));
        var list = await RunAsync(storage, null, ["staff", "list", .. db]);
        Assert.Contains(list.StdoutLines, l => l.StartsWith("ana@example.com", StringComparison.Ordinal) && l.Contains("agent", StringComparison.Ordinal) && l.Contains("disabled", StringComparison.Ordinal));
        Assert.Contains(list.StdoutLines, l => l.StartsWith("lea@example.com", StringComparison.Ordinal) && l.Contains("active", StringComparison.Ordinal));

        Assert.Equal(0, (await RunAsync(storage, null, ["staff", "enable", "ana@example.com", .. db])).Exit);
        Assert.NotNull(await directory.VerifyAsync("ana@example.com", password, default));

        var reset = await RunAsync(storage, "second password 2\n", ["staff", "reset", "lea@example.com", .. db]);
        Assert.True(reset.Exit == 0, reset.ToString());
        Assert.Null(await directory.VerifyAsync("lea@example.com", "first password 1", default));
        Assert.NotNull(await directory.VerifyAsync("lea@example.com", "second password 2", default));
    }

    [Theory]
    [InlineData("short\n", new[] { "staff", "add", "bo@example.com", "--name", "Bo" }, "standard input: a password of at least 8 characters is required.")]
    [InlineData(null, new[] { "staff", "add", "bo@example.com", "--name", "Bo", "--role", "owner" }, "--role owner: not a role; pass one of agent, lead, admin.")]
    [InlineData(null, new[] { "staff", "disable", "nobody@example.com" }, "nobody@example.com: no staff account with that email")]
    public async Task A_mistake_is_one_line_naming_it_and_changes_nothing(string? input, string[] args, string message)
    {
        await using var storage = await TestDatabase.CreateAsync("sqlite");

        var result = await RunAsync(storage, input, [.. args, "--connection-string", storage.ConnectionString]);

        Assert.Equal(2, result.Exit);
        Assert.Contains(message, Assert.Single(result.StderrLines), StringComparison.Ordinal);
        var database = new Database(storage.ConnectionString);
        await new SchemaMigrator(database, [new HumansSchema()], NullLogger<SchemaMigrator>.Instance).StartAsync(default);
        Assert.Empty(await new StaffDirectory(database, new IdGenerator(), TimeProvider.System).ListAsync(default));
    }

    private static Task<LeewayProcess.Result> RunAsync(TestDatabase storage, string? input, string[] args) =>
        LeewayProcess.RunAsync(storage.Directory, input, null, args);
}

using Dapper;
using Leeway.Humans;
using Leeway.Identity;

namespace Leeway.Tests.Humans;

public sealed class StaffDirectoryTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_right_password_verifies_and_nothing_else_does(string kind)
    {
        await using var world = await CaseWorld.StartAsync(kind);
        var created = await world.Staff.CreateAsync("Ana.Lead@Example.com", "Ana", "correct horse battery", StaffRoles.Lead, CancellationToken.None);

        var verified = await world.Staff.VerifyAsync("ana.lead@example.COM", "correct horse battery", CancellationToken.None);

        Assert.Equal(created, verified);
        Assert.Equal(("ana.lead@example.com", "Ana", StaffRoles.Lead), (created.Email, created.Name, created.Role));
        Assert.StartsWith("stf_", created.Id, StringComparison.Ordinal);
        Assert.Null(await world.Staff.VerifyAsync("ana.lead@example.com", "correct horse batter", CancellationToken.None));
        Assert.Null(await world.Staff.VerifyAsync("nobody@example.com", "correct horse battery", CancellationToken.None));
        Assert.Null(await world.Staff.VerifyAsync("ana.lead@example.com", "", CancellationToken.None));
        Assert.Equal(created, await world.Staff.GetAsync(created.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Only_a_salted_hash_of_the_password_is_stored()
    {
        await using var world = await CaseWorld.StartAsync();
        await world.Staff.CreateAsync("a@example.com", "A", "same password 1", StaffRoles.Agent, CancellationToken.None);
        await world.Staff.CreateAsync("b@example.com", "B", "same password 1", StaffRoles.Agent, CancellationToken.None);

        await using var connection = await world.Database.OpenAsync();
        var hashes = (await connection.QueryAsync<string>("SELECT password_hash FROM staff ORDER BY email")).ToList();

        Assert.All(hashes, h => Assert.DoesNotContain("same password", h, StringComparison.Ordinal));
        Assert.NotEqual(hashes[0], hashes[1]);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_second_account_for_an_email_is_refused(string kind)
    {
        await using var world = await CaseWorld.StartAsync(kind);
        await world.Staff.CreateAsync("a@example.com", "A", "password one", StaffRoles.Agent, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => world.Staff.CreateAsync("A@EXAMPLE.COM", "A2", "password two", StaffRoles.Agent, CancellationToken.None));

        Assert.Single(await world.Staff.ListAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("not-an-email", "Name", "long enough", "support", "email")]
    [InlineData("a@example.com", " ", "long enough", "support", "name")]
    [InlineData("a@example.com", "Name", "short", "support", "password")]
    [InlineData("a@example.com", "Name", "long enough", "owner", "role")]
    public async Task Invalid_accounts_are_refused_naming_the_field(string email, string name, string password, string role, string field)
    {
        await using var world = await CaseWorld.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => world.Staff.CreateAsync(email, name, password, role, CancellationToken.None));

        Assert.Equal(field, error.ParamName);
    }
}

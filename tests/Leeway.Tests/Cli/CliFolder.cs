using System.Net;
using System.Net.Sockets;
using Leeway.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Cli;

/// <summary>
/// A working folder as a newcomer has it after <c>./leeway serve</c> ran once: <c>data/</c> with the database and the
/// signing key (written by a real product host), a small case export, and a port something already listens on.
/// </summary>
public sealed class CliFolder : IAsyncLifetime, IDisposable
{
    private TcpListener? _taken;

    public string Root { get; } = LeewayProcess.TempFolder("folder");

    public string Data => Path.Combine(Root, "data");

    public string Csv => Path.Combine(Root, "cases.csv");

    public int TakenPort => ((IPEndPoint)_taken!.LocalEndpoint).Port;

    public async Task InitializeAsync()
    {
        _taken = new TcpListener(IPAddress.Loopback, 0);
        _taken.Start();
        await File.WriteAllTextAsync(Csv, "Subject,Description\nCharged twice,I was charged twice this month\nCard declined,My card was declined\n");
        var app = LeewayApp.Build([], new Dictionary<string, string?> { ["Storage:DataDirectory"] = Data, ["urls"] = "http://127.0.0.1:0", ["Logging:LogLevel:Default"] = "Warning" });
        await app.StartAsync();
        app.Services.GetRequiredService<CustomerTokens>();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>The product's own check of a token signed with this folder's key.</summary>
    public async Task<string?> ValidateAsync(string token)
    {
        var app = LeewayApp.Build([], new Dictionary<string, string?> { ["Storage:DataDirectory"] = Data, ["Logging:LogLevel:Default"] = "Warning" });
        await using (app)
        {
            return app.Services.GetRequiredService<CustomerTokens>().Validate(token);
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _taken?.Stop();
        _taken?.Dispose();
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Leeway.Tests.Cli;

/// <summary>
/// <c>leeway</c> run as a person runs it: a real process (the build's leeway.dll, next to the tests), its standard
/// output and error read apart, standard input and output redirected (so no terminal, as in a pipe or a script).
/// </summary>
internal static class LeewayProcess
{
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "leeway.dll");

    public static async Task<Result> RunAsync(string workingDirectory, params string[] args) => await RunAsync(workingDirectory, null, null, args);

    public static async Task<Result> RunAsync(string workingDirectory, string? input, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"leeway {string.Join(' ', args)} did not end in 4 minutes; stderr: {await stderr}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>A bash command line in which <c>./leeway</c> stands for this build's leeway (the help's examples).</summary>
    public static async Task<Result> RunShellAsync(string workingDirectory, string commandLine)
    {
        var script = commandLine.Replace("./leeway", $"dotnet '{Dll}'", StringComparison.Ordinal);
        var info = new ProcessStartInfo("bash", ["-c", script])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Dll, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        // The test run's own settings (a test host's environment) are not the user's.
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return Process.Start(info)!;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string TempFolder(string name) => Directory.CreateTempSubdirectory($"leeway-cli-{name}-").FullName;

    internal sealed record Result(int Exit, string Stdout, string Stderr)
    {
        public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

        public override string ToString() => $"exit {Exit}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }
}

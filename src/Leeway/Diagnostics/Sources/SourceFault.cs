using System.Net.Sockets;

namespace Leeway.Diagnostics.Sources;

/// <summary>
/// A fault injected into a source for tests and eval (<c>Diagnostics:Faults:&lt;source&gt;</c>): <c>error</c> refuses
/// like a closed port; <c>timeout</c> never answers, so the caller's deadline decides.
/// </summary>
internal sealed class SourceFault(string source, string mode)
{
    public const string Error = "error";
    public const string Timeout = "timeout";

    public static readonly IReadOnlyList<string> Modes = [Error, Timeout];

    public string Source { get; } = source;

    public string Mode { get; } = mode;

    /// <summary>Fails the way the fault says: throws at once, or waits until cancelled.</summary>
    public async Task<T> FailAsync<T>(CancellationToken cancellationToken)
    {
        if (Mode == Timeout)
        {
            await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
        }

        throw new HttpRequestException(
            $"Connection refused ({Source}: injected fault)",
            new SocketException((int)SocketError.ConnectionRefused),
            null);
    }
}

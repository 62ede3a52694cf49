namespace Leeway.StripeSandbox;

public sealed class SandboxHostOptions
{
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>The sandbox clock at start (UTC). Null: the machine's clock.</summary>
    public DateTimeOffset? Now { get; set; }

    /// <summary>Log requests to the console (standalone mode).</summary>
    public bool Verbose { get; set; }
}

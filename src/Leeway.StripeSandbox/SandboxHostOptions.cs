namespace Leeway.StripeSandbox;

public sealed class SandboxHostOptions
{
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>The sandbox clock at start (UTC). Null: the machine's clock.</summary>
    public DateTimeOffset? Now { get; set; }

    /// <summary>The one secret key the sandbox accepts (any other gets Stripe's 401). Null: any test-mode key
    /// (<c>sk_test_…</c>, <c>rk_test_…</c>), as eval and tests use it.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Where every <c>/v1</c> request and answer and every webhook payload is written (eval's
    /// <c>--stripe-trace</c>, the spec check); null: nowhere.</summary>
    public SandboxTrace? Trace { get; set; }

    /// <summary>Log requests to the console (standalone mode).</summary>
    public bool Verbose { get; set; }
}

using System.Collections.Concurrent;
using Leeway.StripeSandbox.Api;
using Leeway.StripeSandbox.Webhooks;

namespace Leeway.StripeSandbox;

/// <summary>Everything one <see cref="SandboxHost"/> owns: the world, its record, idempotency keys, faults and webhooks.</summary>
internal sealed class Sandbox
{
    public Sandbox(SandboxClock clock, TimeProvider machine, SandboxTrace? trace = null)
    {
        World = new World(clock);
        Trace = trace;
        Webhooks = new WebhookDispatcher(World, machine, trace);
        World.EventEmitted = Webhooks.Enqueue;
        RateLimits = new RateLimits(machine);
    }

    public World World { get; }

    /// <summary>See <see cref="SandboxHostOptions.ApiKey"/>.</summary>
    public string? ApiKey { get; init; }

    /// <summary>See <see cref="SandboxHostOptions.Trace"/>.</summary>
    public SandboxTrace? Trace { get; }

    public RequestLog Requests { get; } = new();

    public RequestCounts Counts { get; } = new();

    public ConcurrentDictionary<string, IdempotencyEntry> Idempotency { get; } = new(StringComparer.Ordinal);

    public FaultSettings Faults { get; } = new();

    public RateLimits RateLimits { get; }

    public WebhookDispatcher Webhooks { get; }
}

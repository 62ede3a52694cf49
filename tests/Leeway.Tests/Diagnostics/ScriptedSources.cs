using Leeway.Billing;
using Leeway.Diagnostics.Sources;

namespace Leeway.Tests.Diagnostics;

/// <summary>What a scripted source does when read: answer after a real delay, throw, or hang ignoring cancellation.</summary>
internal sealed record Script(TimeSpan Delay, Exception? Failure = null, bool IgnoresCancellation = false)
{
    public static Script Answer => new(TimeSpan.Zero);

    public static Script After(int milliseconds) => new(TimeSpan.FromMilliseconds(milliseconds));

    public static Script Fail => new(TimeSpan.Zero, new HttpRequestException("connection refused"));

    public async Task<T> RunAsync<T>(T value, CancellationToken cancellationToken)
    {
        if (IgnoresCancellation)
        {
            Thread.Sleep(Delay); // a badly behaved client that blocks and never looks at the token
        }
        else if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        return Failure is null ? value : throw Failure;
    }
}

internal sealed class ScriptedBillingReader(BillingSnapshot? snapshot, Script script) : IBillingReader
{
    public int Reads;

    public Task<BillingSnapshot?> ReadAsync(string customerId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Reads);
        return script.RunAsync(snapshot, cancellationToken);
    }
}

internal sealed class ScriptedEntitlementSource(IReadOnlyList<EntitlementRecord> records, Script script) : IEntitlementSource
{
    public string Name => SourceNames.Entitlements;

    public Task<IReadOnlyList<EntitlementRecord>> ReadAsync(string customerId, CancellationToken cancellationToken) => script.RunAsync(records, cancellationToken);
}

internal sealed class ScriptedUsageSource(IReadOnlyList<UsageRecord> records, Script script) : IUsageSource
{
    public string Name => SourceNames.Usage;

    public Task<IReadOnlyList<UsageRecord>> ReadAsync(string customerId, CancellationToken cancellationToken) => script.RunAsync(records, cancellationToken);
}

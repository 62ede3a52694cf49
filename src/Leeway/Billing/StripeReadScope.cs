using System.Collections.Concurrent;

namespace Leeway.Billing;

/// <summary>
/// One unit of work (a webhook event, a chat turn, a page, a job) reads each Stripe resource once: inside a scope, a
/// GET for a URL already read (or being read) is answered with that first answer, so the diagnosis, the gate's facts
/// and the nudge all share one snapshot instead of asking Stripe again. Any write (POST, DELETE) in the scope forgets
/// everything read before it: what the write changed is read fresh. Outside a scope every read goes to Stripe.
/// The same holds one level up for whole <see cref="BillingSnapshot"/>s: the diagnosis, the meter's page, Lee's turn and
/// Tier 0's handler ask for a customer's snapshot in the same scope and get the one built first (not rebuilt from the
/// shared answers), until a write.
/// </summary>
internal static class StripeReadScope
{
    private static readonly AsyncLocal<Reads?> Current = new();

    /// <summary>Begins a scope for the work that follows on this async flow; disposing it ends the scope.</summary>
    public static IDisposable Begin()
    {
        var previous = Current.Value;
        Current.Value = new Reads();
        return new End(previous);
    }

    /// <summary>A scope is meant for seconds of work. One that lives on (a task started inside it and left running)
    /// stops sharing after this long, so nothing reads a minute-old answer as fresh.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>
    /// This unit of work is about one invoice of the customer (Tier 0 handling <c>invoice.payment_failed</c>): a snapshot of
    /// that customer read in the scope holds what bears on the invoice (the invoice with its customer, payments,
    /// PaymentIntents and subscription in one expanded read, and the customer's charges) rather than the whole billing.
    /// No effect outside a scope.
    /// </summary>
    public static void FocusOn(string customerId, string invoiceId) => Current.Value?.Focus(customerId, invoiceId);

    /// <summary>The invoice the current unit of work is about for this customer, if any.</summary>
    public static string? FocusOf(string customerId) => Active?.FocusOf(customerId);

    internal static Reads? Active => Current.Value is { } reads && Environment.TickCount64 - reads.Began < Lifetime.TotalMilliseconds ? reads : null;

    /// <summary>The answers read so far, by URL, shared by the flows the scope spans (the diagnosis reads concurrently).</summary>
    internal sealed class Reads
    {
        private ConcurrentDictionary<string, Lazy<Task<StoredAnswer>>> _answers = new(StringComparer.Ordinal);
        private ConcurrentDictionary<string, Lazy<Task<BillingSnapshot?>>> _snapshots = new(StringComparer.Ordinal);

        private readonly ConcurrentDictionary<string, string> _focus = new(StringComparer.Ordinal);

        public long Began { get; } = Environment.TickCount64;

        public void Focus(string customerId, string invoiceId) => _focus[customerId] = invoiceId;

        public string? FocusOf(string customerId) => _focus.GetValueOrDefault(customerId);

        /// <summary>An object Stripe returned inside another answer of this scope answers a later plain GET of it.</summary>
        public void Seed(string url, StoredAnswer answer) => _answers.TryAdd(url, new Lazy<Task<StoredAnswer>>(Task.FromResult(answer)));

        public Task<StoredAnswer> GetOrRead(string url, Func<Task<StoredAnswer>> read) =>
            _answers.GetOrAdd(url, _ => new Lazy<Task<StoredAnswer>>(read)).Value;

        /// <summary>A failed read is not kept: the next asker tries Stripe again.</summary>
        public void Forget(string url) => _answers.TryRemove(url, out _);

        /// <summary>The customer's snapshot as first read in this scope (since the last write), or read now.</summary>
        public Task<BillingSnapshot?> GetOrReadSnapshot(string customerId, Func<Task<BillingSnapshot?>> read) =>
            _snapshots.GetOrAdd(customerId, _ => new Lazy<Task<BillingSnapshot?>>(read)).Value;

        /// <summary>A snapshot that failed to read is not kept.</summary>
        public void ForgetSnapshot(string customerId) => _snapshots.TryRemove(customerId, out _);

        public void ForgetAll()
        {
            Interlocked.Exchange(ref _answers, new ConcurrentDictionary<string, Lazy<Task<StoredAnswer>>>(StringComparer.Ordinal));
            Interlocked.Exchange(ref _snapshots, new ConcurrentDictionary<string, Lazy<Task<BillingSnapshot?>>>(StringComparer.Ordinal));
        }
    }

    private sealed class End(Reads? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}

using System.Diagnostics;
using System.Threading.Channels;
using Leeway.Agent.Brain;
using Leeway.Agent.Understanding;
using Leeway.Observability.Cost;
using Leeway.Routing;

namespace Leeway.Observability.Backlog;

/// <summary>
/// Classifies every case of an export with Lee's classifier and ranks the intents (Phase 1: where the demand is).
/// One reader streams the file into a bounded channel of batches; <c>workers</c> classify in parallel, each keeping
/// its own counts, merged at the end. Memory holds a few batches, whatever the file's size. Lee's built-in
/// classifier takes each batch whole (<see cref="IIntentBatchClassifier"/>: the same verdicts, several times the
/// throughput of one text at a time); any other <see cref="IUnderstander"/> is asked case by case.
/// </summary>
internal sealed class BacklogRanker(IUnderstander understander, IContactRouter router, CostOptions costs)
{
    /// <summary>Large enough to amortise the model's per-batch set-up, small enough to keep memory flat.</summary>
    private const int BatchSize = 2_048;

    /// <param name="progress">
    /// Called now and then with how far into the file the cases are classified, in bytes (never two calls at once;
    /// the last call gives the whole file). The reader runs a few batches ahead: the bytes read would race ahead.
    /// </param>
    public async Task<BacklogRanking> RankAsync(CaseCsvReader reader, string file, int workers, Action<long>? progress, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var clock = Stopwatch.StartNew();
        var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(workers * 2) { SingleWriter = true });
        var reported = new FurthestOffset(progress);
        // A failing worker stops the reader too, instead of leaving it blocked on a full channel.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        DateTimeOffset? first = null;
        DateTimeOffset? last = null;

        var produce = Task.Run(
            async () =>
            {
                try
                {
                    var batch = new List<string>(BatchSize);
                    foreach (var @case in reader.Cases())
                    {
                        if (@case.CreatedAt is { } at)
                        {
                            first = first is null || at < first ? at : first;
                            last = last is null || at > last ? at : last;
                        }

                        batch.Add(@case.Text);
                        if (batch.Count == BatchSize)
                        {
                            await batches.Writer.WriteAsync(new Batch([.. batch], reader.BytesRead), stop.Token);
                            batch.Clear();
                        }
                    }

                    if (batch.Count > 0)
                    {
                        await batches.Writer.WriteAsync(new Batch([.. batch], reader.BytesRead), stop.Token);
                    }

                    batches.Writer.Complete();
                }
                catch (Exception e)
                {
                    batches.Writer.Complete(e);
                    throw;
                }
            },
            stop.Token);

        var consume = Enumerable.Range(0, workers).Select(_ => Task.Run(
            async () =>
            {
                var counts = new Dictionary<string, IntentTally>(StringComparer.Ordinal);
                try
                {
                    await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
                    {
                        foreach (var (intent, confidence) in Classify(batch.Texts))
                        {
                            counts[intent] = counts.GetValueOrDefault(intent).Add(confidence, BuiltInBrain.ConfidenceFloor);
                        }

                        reported.Report(batch.BytesRead);
                    }
                }
                catch
                {
                    await stop.CancelAsync();
                    throw;
                }

                return counts;
            },
            stop.Token)).ToList();

        // Workers first: a reader failure reaches them through the channel, and their own failure is the one to report.
        var perWorker = await Task.WhenAll(consume);
        await produce;
        reported.Report(reader.BytesRead);
        var merged = new Dictionary<string, IntentTally>(StringComparer.Ordinal);
        foreach (var counts in perWorker)
        {
            foreach (var (intent, tally) in counts)
            {
                merged[intent] = merged.GetValueOrDefault(intent).Add(tally);
            }
        }

        return Rank(file, merged, first, last, reader.ProblemCount, reader.Problems, clock.ElapsedMilliseconds);
    }

    private IEnumerable<(string Intent, double Confidence)> Classify(string[] texts) => understander is IIntentBatchClassifier batch
        ? batch.ClassifyIntents(texts).Select(v => (v.Intent, v.Confidence))
        : texts.Select(t =>
        {
            var understood = understander.Understand(t);
            return (understood.Intent, understood.Confidence);
        });

    /// <summary>The cases' texts, and how far into the file the reader was when the batch was full.</summary>
    private readonly record struct Batch(string[] Texts, long BytesRead);

    /// <summary>Passes on the furthest offset classified so far, one call at a time (workers finish out of order).</summary>
    private sealed class FurthestOffset(Action<long>? report)
    {
        private readonly Lock gate = new();
        private long furthest = -1;

        public void Report(long bytes)
        {
            if (report is null)
            {
                return;
            }

            lock (gate)
            {
                if (bytes > furthest)
                {
                    furthest = bytes;
                    report(bytes);
                }
            }
        }
    }

    /// <summary>
    /// The Pareto table from the tallies per intent: billing intents ranked, shares of the billing cases; the cases read
    /// as not about billing (<see cref="Intent.Other"/>) counted apart and left out of the costs.
    /// </summary>
    public BacklogRanking Rank(
        string file,
        IReadOnlyDictionary<string, IntentTally> counts,
        DateTimeOffset? first,
        DateTimeOffset? last,
        long skipped,
        IReadOnlyList<CsvRowProblem> problems,
        long elapsedMilliseconds)
    {
        var all = counts.Values.Sum(t => t.Cases);
        var other = counts.GetValueOrDefault(Intent.Other);
        var billing = all - other.Cases;
        var spanDays = first is { } f && last is { } l ? (l - f).TotalDays : 0;
        // Under a day of dates says nothing about volume per month: take the export as one month, and say so.
        var assumed = spanDays < 1;
        var months = assumed ? 1 : spanDays / costs.DaysPerMonth;
        long cumulative = 0;
        var rows = counts.Where(c => c.Key != Intent.Other && c.Value.Cases > 0)
            .OrderByDescending(c => c.Value.Cases).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c =>
        {
            cumulative += c.Value.Cases;
            var tier = TierFor(c.Key);
            var monthly = (long)Math.Round(c.Value.Cases / months, MidpointRounding.AwayFromZero);
            return new ParetoRow(
                c.Key,
                c.Value.Cases,
                Math.Round((double)c.Value.Cases / billing, 4),
                Math.Round((double)cumulative / billing, 4),
                tier,
                Tier.Label(tier),
                monthly,
                monthly * costs.Human,
                monthly * costs.UnitCost(tier),
                Math.Round(c.Value.MeanConfidence, 3),
                c.Value.Unsure);
        }).ToList();
        var outOfScope = new OutOfScope(
            other.Cases, all == 0 ? 0 : Math.Round((double)other.Cases / all, 4), Math.Round(other.MeanConfidence, 3), other.Unsure, BuiltInBrain.ConfidenceFloor);
        return new BacklogRanking(
            file, all, rows, outOfScope, first, last, Math.Round(months, 2), assumed, costs.Currency,
            rows.Sum(r => r.MonthlyCostNow), rows.Sum(r => r.MonthlyCostWithLeeway), skipped, problems, elapsedMilliseconds);
    }

    /// <summary>
    /// The tier that could take a case of this intent: the routing table, for a signed-in customer of normal risk
    /// whose problem the diagnosis has not ruled out of self-serve (the best case Leeway can reach).
    /// </summary>
    public int TierFor(string intent)
    {
        var decision = router.Route(new ContactFacts(ContactChannel.Backlog, intent, 1.0, Authenticated: true, Plan: "unknown", Risk: "normal", SelfServeEligible: null));
        return decision.Tier1First ? Tier.SelfHeal : decision.Tier;
    }
}

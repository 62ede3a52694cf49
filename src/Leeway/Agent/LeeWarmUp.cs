using Leeway.Agent.Understanding;
using Leeway.Knowledge;

namespace Leeway.Agent;

/// <summary>
/// Loads the intent model and the knowledge index, and compiles their code paths, while the host starts, so the first
/// customer to write pays no more than the hundredth (the first reply otherwise took ~800 ms of one-time loading).
/// </summary>
internal sealed class LeeWarmUp(IUnderstander understander, IKnowledgeBase knowledge, TimeProvider time, ILogger<LeeWarmUp> logger) : IHostedService
{
    private static readonly string[] Samples =
    [
        "my card was declined, can you try again?",
        "quiero un reembolso de 20 EUR por favor",
        "warum wurde meine Karte zweimal belastet?",
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            foreach (var sample in Samples)
            {
                understander.Understand(sample, today);
            }

            await knowledge.SearchAsync(Samples[0], null, 1, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Warming is an optimisation: a failure here shows up again, with its real context, on the first turn.
            logger.LogWarning(e, "Lee's warm-up failed");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

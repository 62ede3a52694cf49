namespace Leeway.Prevent.Jobs;

/// <summary>Runs the jobs of one kind. A job can run more than once (a crash before it was marked done), so the runner
/// re-reads the current state and passes <see cref="ScheduledJob.Key"/> as its decision key to the gate.</summary>
internal interface IJobRunner
{
    string Kind { get; }

    /// <returns>What happened, in a few words (kept on the job).</returns>
    Task<string> RunAsync(ScheduledJob job, CancellationToken cancellationToken);
}

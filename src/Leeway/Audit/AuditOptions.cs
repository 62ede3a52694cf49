namespace Leeway.Audit;

/// <summary>
/// Section <c>Audit</c>: where the signed checkpoint of the log's head is kept, and its key. Both default to the data
/// folder; for the checkpoint to stand apart from the database, put them where whoever can write the database cannot
/// (another volume or account, a write-once mount).
/// </summary>
internal sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Empty: <c>audit.checkpoint</c> in the data folder.</summary>
    public string? CheckpointPath { get; set; }

    /// <summary>Empty: <c>audit-checkpoint.key</c> in the data folder (generated once, 0600).</summary>
    public string? CheckpointKeyPath { get; set; }
}

namespace Leeway.Humans;

/// <summary>The <c>Humans</c> section: staff accounts to create at start and the queue's response targets.</summary>
internal sealed class HumansOptions
{
    public const string Section = "Humans";

    public List<StaffSeed> Staff { get; set; } = [];

    public CaseQueueOptions Queue { get; set; } = new();
}

namespace Leeway.Humans;

/// <summary>
/// How the queue weighs risk against age (<c>Humans:Queue:*</c>). A case is due its risk's target after it opened,
/// and the queue is ordered by due time: a high-risk case goes ahead of normal ones opened up to
/// <c>Normal − High</c> minutes before it, yet a normal case that has waited long enough still comes first,
/// so no case waits forever behind a stream of riskier ones.
/// </summary>
internal sealed class CaseQueueOptions
{
    public int HighRiskTargetMinutes { get; set; } = 60;

    public int ElevatedRiskTargetMinutes { get; set; } = 4 * 60;

    public int NormalRiskTargetMinutes { get; set; } = 24 * 60;

    public long TargetMilliseconds(int riskRank) => TimeSpan.FromMinutes(riskRank switch
    {
        >= 2 => HighRiskTargetMinutes,
        1 => ElevatedRiskTargetMinutes,
        _ => NormalRiskTargetMinutes,
    }).Ticks / TimeSpan.TicksPerMillisecond;
}

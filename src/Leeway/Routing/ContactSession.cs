namespace Leeway.Routing;

/// <summary>
/// How long one contact stays open to what follows it. The dashboard keeps one conversation per customer for months,
/// so a question asked long after the last one ended is a new contact, while a fix tried, then a person asked for, a few
/// minutes apart, is one contact that escalated.
/// </summary>
internal static class ContactSession
{
    public static readonly TimeSpan Gap = TimeSpan.FromHours(24);
}

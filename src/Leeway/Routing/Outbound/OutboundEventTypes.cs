namespace Leeway.Routing.Outbound;

/// <summary>The events other systems can be told of.</summary>
internal static class OutboundEventTypes
{
    public const string CaseOpened = "case.opened";
    public const string CaseUpdated = "case.updated";
    public const string CaseClosed = "case.closed";
    public const string ConversationEscalated = "conversation.escalated";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { CaseOpened, CaseUpdated, CaseClosed, ConversationEscalated };
}

using Leeway.Diagnostics;
using Leeway.Policy;

namespace Leeway.Humans;

/// <summary>
/// What a tier knows when it hands a customer to a person (<see cref="CaseDesk.OpenWithContextAsync"/>); the desk adds
/// the rest of the packet: the conversation's transcript, every action tried from the gate's record, and the summary.
/// </summary>
/// <param name="Source">Where the case comes from (<see cref="CaseSources"/>).</param>
/// <param name="Why">The opener's own first words of the summary (why a person is needed, how it arrived).</param>
/// <param name="ConversationId">The customer's conversation with Lee, if there is one: its lines and Lee's actions go in the packet.</param>
/// <param name="Lines">Lines from outside a conversation (a mail).</param>
/// <param name="Outcomes">Outcomes the opener holds with more than the gate's record says (a refusal a person may grant,
/// a link) or that never reached the gate's record.</param>
/// <param name="Problem">The problem key (<see cref="CaseProblem"/>); else the diagnosis's.</param>
internal sealed record CaseOpening(
    string CustomerId,
    string Reason,
    string Source,
    string Risk,
    string Why,
    Diagnosis? Diagnosis = null,
    string? ConversationId = null,
    IReadOnlyList<TranscriptLine>? Lines = null,
    IReadOnlyList<GateOutcome>? Outcomes = null,
    string? Problem = null);

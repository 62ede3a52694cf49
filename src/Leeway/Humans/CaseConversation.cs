using Leeway.Policy;

namespace Leeway.Humans;

/// <summary>One conversation with Lee as a case's packet takes it: when it started, what was said, what Lee tried.</summary>
internal sealed record CaseConversation(DateTimeOffset StartedAt, IReadOnlyList<TranscriptLine> Transcript, IReadOnlyList<GateOutcome> Actions);

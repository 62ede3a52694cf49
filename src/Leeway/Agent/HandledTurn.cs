using Leeway.Agent.Conversations;
using Leeway.Billing;
using Leeway.Diagnostics;

namespace Leeway.Agent;

/// <summary>One customer message Lee handled: the conversation as it was before, what Lee understood and read, the reply, and how long it took.</summary>
/// <param name="Before">The conversation before this message (its <see cref="Conversation.State"/> is the state it left).</param>
/// <param name="Diagnosis">Null when the diagnosis was not read (a person already had the conversation) or failed.</param>
/// <param name="Billing">Null when Stripe was not read or could not be.</param>
/// <param name="Reply">What the customer got back; <see cref="ChatReply.State"/> is the conversation's new state.</param>
/// <param name="Elapsed">From receiving the message to the stored reply.</param>
internal sealed record HandledTurn(
    Conversation Before,
    Understanding.Understanding Understanding,
    Diagnosis? Diagnosis,
    BillingSnapshot? Billing,
    ChatReply Reply,
    TimeSpan Elapsed);

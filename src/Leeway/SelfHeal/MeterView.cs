using Leeway.Agent.Conversations;
using Leeway.Diagnostics;
using Leeway.Humans;
using Leeway.Policy.Actions;
using Leeway.Prevent.Nudges;

namespace Leeway.SelfHeal;

/// <summary>What the Billing Health Meter shows a customer, read by <see cref="MeterReading"/>.</summary>
/// <param name="Says">The page's words, in the customer's language.</param>
/// <param name="Home">The plan, card, invoices and refunds, from the snapshot the diagnosis read.</param>
/// <param name="Status">
/// The diagnosis's status, but never green while an invoice still has money to pay (a fresh payment link handed over is
/// not a payment made).
/// </param>
/// <param name="WithAPerson">The one-click fixes a person has now (the gate refused them and opened a case).</param>
/// <param name="OpenCase">The customer's open case, if a person has their billing question now.</param>
/// <param name="Thread">The chat and every case's lines in one thread, each line once, oldest first.</param>
/// <param name="ShowSurvey">The chat reached an outcome and its one-question effort survey is not answered yet.</param>
internal sealed record MeterView(
    Diagnosis Diagnosis,
    MeterSays Says,
    BillingHome Home,
    string Status,
    IReadOnlyList<OneClickFix> Fixes,
    string? CustomerName,
    string? CustomerEmail,
    IReadOnlyList<Nudge> Nudges,
    Case? OpenCase,
    IReadOnlySet<ActionType> WithAPerson,
    IReadOnlyList<ConversationMessage> Chat,
    IReadOnlyList<ThreadLine> Thread,
    bool ShowSurvey);

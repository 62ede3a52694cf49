using Leeway.Agent;
using Leeway.Agent.Conversations;
using Leeway.Humans;

namespace Leeway.SelfHeal;

/// <summary>
/// The meter's way to a person: a case opened through the <see cref="CaseDesk"/> with the page's whole context, when the
/// customer asks for a person or a fix a person could grant is refused; a note added to the case already open.
/// </summary>
internal sealed class MeterCases(
    MeterReading reading,
    DashboardChat chat,
    ConversationStore conversations,
    ClickLedger clicks,
    CaseDesk desk,
    AgentLee lee,
    TimeProvider time)
{
    /// <summary>"Talk to a person" (one click, claimed once): the note goes to the open case, else a case opens with it.</summary>
    public async Task AskForPersonAsync(string customerId, string? note, string clickId, CancellationToken ct)
    {
        if (!await clicks.ClaimAsync(clickId, customerId, "human", ct))
        {
            return;
        }

        string? caseId = null;
        try
        {
            var open = (await desk.ListForCustomerAsync(customerId, ct)).FirstOrDefault(c => c.Status != CaseStatus.Closed);
            if (open is not null)
            {
                if (!string.IsNullOrEmpty(note))
                {
                    await desk.AddLineAsync(open.Id, new TranscriptLine(AgentLee.Customer, note, time.GetUtcNow()), ct);
                }

                caseId = open.Id;
            }
            else
            {
                caseId = (await OpenAsync(
                    customerId,
                    string.IsNullOrEmpty(note) ? "The customer asked for a person from the Billing Health Meter." : $"The customer asked for a person: {note}",
                    note,
                    ct)).Id;
            }
        }
        finally
        {
            await clicks.CompleteAsync(clickId, null, caseId, CancellationToken.None);
        }
    }

    /// <summary>A case with the page's whole context: the chat so far, the diagnosis, every fix tried with its decision.</summary>
    public async Task<Case> OpenAsync(string customerId, string reason, string? note, CancellationToken ct)
    {
        var conversation = await chat.GetOrStartAsync(customerId, ct);
        if (!string.IsNullOrEmpty(note))
        {
            await conversations.AppendAsync(conversation.Id, AgentLee.Customer, note, null, null, ct);
        }

        var (diagnosis, snapshot) = await reading.ReadAsync(customerId, ct);
        // The clicks hold the gate's whole answer to each fix (whether a person may grant a refusal): the desk prefers it to the record's.
        var since = conversation.CreatedAt < time.GetUtcNow() - CaseDesk.ActionsLookBack ? conversation.CreatedAt : time.GetUtcNow() - CaseDesk.ActionsLookBack;
        var opened = await desk.OpenWithContextAsync(
            new CaseOpening(
                customerId,
                reason,
                CaseSources.Dashboard,
                snapshot?.Risk ?? "normal",
                $"From the Billing Health Meter ({diagnosis?.Status ?? "unknown"}).",
                diagnosis,
                conversation.Id,
                Outcomes: await clicks.OutcomesAsync(customerId, since, ct)),
            ct);
        // Lee then tells the customer a person has it, instead of starting over.
        await lee.HandedToPersonAsync(conversation, opened.Id, ct);
        return opened;
    }
}

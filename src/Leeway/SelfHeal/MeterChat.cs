using Leeway.Agent;
using Leeway.Agent.Conversations;
using Leeway.Diagnostics;
using Leeway.Humans;

namespace Leeway.SelfHeal;

/// <summary>The meter's chat with Lee and its one-question effort survey, each click claimed once in the <see cref="ClickLedger"/>.</summary>
internal sealed class MeterChat(
    DashboardChat chat,
    CaseDesk desk,
    AgentLee lee,
    IDiagnosisCache diagnosisCache,
    ClickLedger clicks,
    MeterObservers observers)
{
    /// <summary>The click ledger's kind for the survey of one conversation (answered once).</summary>
    public static string SurveyKind(string conversationId) => $"survey:{conversationId}";

    /// <summary>The customer's message to Lee; after a person closed the case, a new question starts a new conversation.</summary>
    public async Task SendAsync(string customerId, string text, string clickId, CancellationToken ct)
    {
        if (!await clicks.ClaimAsync(clickId, customerId, "chat", ct))
        {
            return;
        }

        string? caseId = null;
        try
        {
            var conversation = await chat.GetOrStartAsync(customerId, ct);
            if (conversation.State == ConversationState.Escalated && conversation.CaseId is { } escalatedTo
                && await desk.GetAsync(escalatedTo, ct) is { Status: CaseStatus.Closed })
            {
                // The person closed the case: a new question starts a new conversation with Lee.
                conversation = await chat.RestartAsync(customerId, ct);
            }

            var reply = await lee.HandleAsync(conversation, text, ct);
            caseId = reply.CaseId;
            diagnosisCache.Invalidate(customerId);
        }
        finally
        {
            await clicks.CompleteAsync(clickId, null, caseId, CancellationToken.None);
        }
    }

    /// <summary>The survey's answer (1 to 5) for the customer's conversation, told to the observers once.</summary>
    public async Task AnswerSurveyAsync(string customerId, int score, string clickId, CancellationToken ct)
    {
        if (await chat.FindAsync(customerId, ct) is not { } conversation || !await clicks.ClaimAsync(clickId, customerId, SurveyKind(conversation.Id), ct))
        {
            return;
        }

        try
        {
            await observers.TellAsync(customerId, o => o.OnSurveyAsync(customerId, conversation.Id, score, CancellationToken.None));
        }
        finally
        {
            await clicks.CompleteAsync(clickId, null, null, CancellationToken.None);
        }
    }
}

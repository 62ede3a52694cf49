namespace Leeway.SelfHeal;

/// <summary>
/// Told what the customer did on the Billing Health Meter: the hook for the contact log and metrics. Register any
/// number (<c>services.AddSingleton&lt;IMeterObserver, …&gt;()</c>); a failing observer is logged and never changes what
/// the page does. Cases the page opens are told through <c>Humans.ICaseEventObserver</c>; chats with Lee through
/// <c>Agent.IConversationObserver</c>.
/// </summary>
internal interface IMeterObserver
{
    /// <summary>A one-click fix went through the gate (allowed or refused), before any case was opened for it.</summary>
    Task OnFixAsync(FixAttempt attempt, CancellationToken cancellationToken);

    /// <summary>The customer answered the one-question effort survey (1 very hard … 5 very easy) after their chat with Lee.</summary>
    Task OnSurveyAsync(string customerId, string conversationId, int score, CancellationToken cancellationToken);
}

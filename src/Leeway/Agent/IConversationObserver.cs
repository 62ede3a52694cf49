namespace Leeway.Agent;

/// <summary>
/// Told of every customer message Lee handled, after the reply and the conversation's new state were stored: the hook
/// for the contact log and metrics. Register any number (<c>services.AddSingleton&lt;IConversationObserver, …&gt;()</c>);
/// a failing observer is logged and never changes the reply or the conversation.
/// </summary>
internal interface IConversationObserver
{
    Task OnTurnHandledAsync(HandledTurn turn, CancellationToken cancellationToken);
}

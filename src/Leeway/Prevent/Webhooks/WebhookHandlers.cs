using System.Collections.Concurrent;

namespace Leeway.Prevent.Webhooks;

/// <summary>The handlers by event type: those registered in DI (exactly <see cref="HandledEvents.Types"/>), plus any added to a built host (tests, benchmarks).</summary>
internal sealed class WebhookHandlers
{
    private readonly ConcurrentDictionary<string, IWebhookHandler[]> _byType = new(StringComparer.Ordinal);

    /// <param name="handlers">The registered handlers: between them exactly <see cref="HandledEvents.Types"/>.</param>
    public WebhookHandlers(IEnumerable<IWebhookHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            Add(handler);
        }

        var registered = _byType.Keys.ToHashSet(StringComparer.Ordinal);
        var unsubscribed = registered.Except(HandledEvents.Types).Order(StringComparer.Ordinal).ToList();
        var unhandled = HandledEvents.Types.Except(registered).ToList();
        if (unsubscribed.Count > 0 || unhandled.Count > 0)
        {
            throw new InvalidOperationException(
                $"HandledEvents.Types and the registered webhook handlers disagree: handled but not subscribed [{string.Join(", ", unsubscribed)}], subscribed but not handled [{string.Join(", ", unhandled)}].");
        }
    }

    public IReadOnlyList<IWebhookHandler> For(string eventType) => _byType.TryGetValue(eventType, out var list) ? list : [];

    public void Add(IWebhookHandler handler)
    {
        foreach (var type in handler.EventTypes)
        {
            _byType.AddOrUpdate(type, _ => [handler], (_, existing) => [.. existing, handler]);
        }
    }
}

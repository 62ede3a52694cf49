using System.Collections.Concurrent;

namespace Leeway.Prevent;

/// <summary>The handlers by event type: those registered in DI, plus any added to a built host (tests, benchmarks).</summary>
internal sealed class WebhookHandlers
{
    private readonly ConcurrentDictionary<string, IWebhookHandler[]> _byType = new(StringComparer.Ordinal);

    public WebhookHandlers(IEnumerable<IWebhookHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            Add(handler);
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

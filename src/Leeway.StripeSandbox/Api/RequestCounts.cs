using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Api;

/// <summary>How many <c>/v1</c> requests the sandbox has answered, reads included (the request log keeps only writes):
/// what a client's cost in Stripe requests is measured with. Keyed by method and route, ids left out.</summary>
internal sealed class RequestCounts
{
    private readonly ConcurrentDictionary<string, long> _byRoute = new(StringComparer.Ordinal);

    public void Add(string method, string? routePattern) => _byRoute.AddOrUpdate($"{method} {routePattern ?? "?"}", 1, (_, n) => n + 1);

    public JsonObject ToJson()
    {
        var routes = new JsonObject();
        foreach (var (route, count) in _byRoute.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            routes[route] = count;
        }

        return new JsonObject { ["total"] = _byRoute.Values.Sum(), ["by_route"] = routes };
    }

    public void Clear() => _byRoute.Clear();
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Api;

/// <summary>How many <c>/v1</c> requests the sandbox has answered, reads included (the request log keeps only writes):
/// what a client's cost in Stripe requests is measured with. Keyed by method and route, ids left out. Also the most
/// requests that were in flight at once (from arrival to the answer written): with latency injected, a client that reads
/// in one parallel round has all of that round's requests in flight together, one that reads in rounds never does.</summary>
internal sealed class RequestCounts
{
    private readonly ConcurrentDictionary<string, long> _byRoute = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();
    private int _inFlight;
    private int _inFlightMax;

    public void Add(string method, string? routePattern) => _byRoute.AddOrUpdate($"{method} {routePattern ?? "?"}", 1, (_, n) => n + 1);

    /// <summary>A request arrived; dispose the answer once it was answered.</summary>
    public IDisposable InFlight()
    {
        lock (_sync)
        {
            _inFlight++;
            _inFlightMax = Math.Max(_inFlightMax, _inFlight);
        }

        return new Answered(this);
    }

    public JsonObject ToJson()
    {
        var routes = new JsonObject();
        foreach (var (route, count) in _byRoute.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            routes[route] = count;
        }

        int inFlightMax;
        lock (_sync)
        {
            inFlightMax = _inFlightMax;
        }

        return new JsonObject { ["total"] = _byRoute.Values.Sum(), ["by_route"] = routes, ["in_flight_max"] = inFlightMax };
    }

    /// <summary>Zeroes the counts and the peak (requests in flight now still count towards the next peak).</summary>
    public void Clear()
    {
        _byRoute.Clear();
        lock (_sync)
        {
            _inFlightMax = _inFlight;
        }
    }

    private sealed class Answered(RequestCounts counts) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                lock (counts._sync)
                {
                    counts._inFlight--;
                }
            }
        }
    }
}

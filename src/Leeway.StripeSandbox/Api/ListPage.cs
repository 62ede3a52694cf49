using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Api;

/// <summary>Stripe's cursor lists: newest first (created, then insertion order), <c>limit</c> 1–100 (default 10),
/// <c>starting_after</c> / <c>ending_before</c> by object id, <c>has_more</c>.</summary>
internal static class ListPage
{
    public static JsonObject Of<T>(ApiCall call, IEnumerable<T> items, string url)
        where T : StripeObject
    {
        var p = call.Params;
        var limit = p.Long("limit") ?? 10;
        if (limit is < 1 or > 100)
        {
            throw ApiException.InvalidRequest($"Invalid limit: must be between 1 and 100 (got {limit}).", "limit");
        }

        var sorted = items.OrderByDescending(o => o.Created).ThenByDescending(o => o.Sequence).ToList();
        List<T> page;
        bool hasMore;
        if (p.NonEmpty("starting_after") is { } after)
        {
            var cursor = Cursor(call, after, "starting_after");
            var older = sorted.Where(o => Compare(o, cursor) < 0).ToList();
            page = older.Take((int)limit).ToList();
            hasMore = older.Count > limit;
        }
        else if (p.NonEmpty("ending_before") is { } before)
        {
            var cursor = Cursor(call, before, "ending_before");
            var newer = sorted.Where(o => Compare(o, cursor) > 0).ToList();
            page = newer.Skip(Math.Max(0, newer.Count - (int)limit)).ToList();
            hasMore = newer.Count > limit;
        }
        else
        {
            page = sorted.Take((int)limit).ToList();
            hasMore = sorted.Count > limit;
        }

        var context = new RenderContext(call.World, call.Expand.Child("data"));
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(page.Select(o => (JsonNode)o.Render(context)).ToArray()),
            ["has_more"] = hasMore,
            ["url"] = url,
        };
    }

    private static StripeObject Cursor(ApiCall call, string id, string param) =>
        call.World.Find(id) ?? throw ApiException.InvalidRequest($"Invalid {param}: no such object '{id}'.", param, "resource_missing");

    /// <summary>Position in the list order: positive when <paramref name="a"/> is newer than <paramref name="b"/>.</summary>
    private static int Compare(StripeObject a, StripeObject b) =>
        a.Created != b.Created ? a.Created.CompareTo(b.Created) : a.Sequence.CompareTo(b.Sequence);
}

using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Objects;

/// <summary>What rendering needs: the world (to resolve and expand references) and the expand paths at this depth.</summary>
internal sealed class RenderContext(World world, ExpandTree expand)
{
    public World World { get; } = world;

    public ExpandTree Expand { get; } = expand;

    public RenderContext Child(string field) => new(World, Expand.Child(field));

    public bool Includes(string field) => Expand.Has(field);

    /// <summary>An expandable reference: the id, or the object itself when <c>expand[]</c> names this field.</summary>
    public JsonNode? Ref(string field, string? id)
    {
        if (id is null)
        {
            return null;
        }

        if (Expand.Has(field) && World.Find(id) is { } target)
        {
            return target.Render(Child(field));
        }

        return id;
    }

    /// <summary>An embedded list (<c>refunds</c>, <c>lines</c>, <c>items</c>), newest first as Stripe lists are, unless <paramref name="keepOrder"/>.</summary>
    public JsonObject List(IEnumerable<StripeObject> items, string url, string field, bool keepOrder = false)
    {
        var ordered = keepOrder ? items : items.OrderByDescending(o => o.Created).ThenByDescending(o => o.Sequence);
        var context = Child(field).Child("data");
        var data = new JsonArray(ordered.Select(o => (JsonNode)o.Render(context)).ToArray());
        return new JsonObject { ["object"] = "list", ["data"] = data, ["has_more"] = false, ["url"] = url };
    }
}

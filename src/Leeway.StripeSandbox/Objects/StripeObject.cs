using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

/// <summary>Every object the world holds: an id kept exactly, a creation time, an insertion order (ties in lists), and its wire form.</summary>
internal abstract class StripeObject
{
    public required string Id { get; init; }

    public long Created { get; set; }

    /// <summary>Insertion order in the world; lists sort by <see cref="Created"/> then this, newest first.</summary>
    public long Sequence { get; set; }

    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

    /// <summary>Stripe's <c>object</c> value, e.g. <c>checkout.session</c>.</summary>
    public abstract string ObjectType { get; }

    /// <summary>Who the object belongs to, for the links eval checks; null where Stripe has no customer.</summary>
    public virtual string? CustomerId => null;

    /// <summary>The ids of the objects this one belongs to (its customer, and its invoice, subscription or charge):
    /// the world indexes it under each, so listing a customer's invoices does not scan every object.</summary>
    public virtual IEnumerable<string?> Owners => [CustomerId];

    public abstract JsonObject Render(RenderContext context);

    protected JsonObject Start(string? objectType = null)
    {
        var json = Wire.Templates.New(objectType ?? ObjectType);
        json["id"] = Id;
        if (json.ContainsKey("created"))
        {
            json["created"] = Created;
        }

        if (json.ContainsKey("metadata"))
        {
            json["metadata"] = MetadataJson();
        }

        return json;
    }

    protected JsonObject MetadataJson()
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in Metadata)
        {
            metadata[key] = value;
        }

        return metadata;
    }
}

using System.Globalization;

namespace Leeway.StripeSandbox.Wire;

/// <summary>Typed reads of a request's parameter tree; a bad value is a 400 naming the parameter, as Stripe answers.</summary>
internal sealed class Params(FormNode node, string prefix = "")
{
    public static Params Empty { get; } = new(new FormNode());

    public FormNode Node { get; } = node;

    public bool Has(string key) => Node.Children.ContainsKey(key);

    public IEnumerable<string> Keys => Node.Children.Keys;

    public string Name(string key) => prefix.Length == 0 ? key : $"{prefix}[{key}]";

    public string? String(string key)
    {
        if (!Node.Children.TryGetValue(key, out var child))
        {
            return null;
        }

        if (!child.IsLeaf)
        {
            throw ApiException.InvalidRequest($"Invalid string: {{...}} for {Name(key)}", Name(key));
        }

        return child.Value;
    }

    /// <summary>A string that is present and not empty (Stripe treats "" as "unset").</summary>
    public string? NonEmpty(string key) => String(key) is { Length: > 0 } s ? s : null;

    public string Required(string key) =>
        NonEmpty(key) ?? throw ApiException.InvalidRequest($"Missing required param: {Name(key)}.", Name(key), "parameter_missing");

    public long? Long(string key)
    {
        var s = NonEmpty(key);
        if (s is null)
        {
            return null;
        }

        return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiException.InvalidRequest($"Invalid integer: {s}", Name(key), "parameter_invalid_integer");
    }

    public bool? Bool(string key) => NonEmpty(key) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var s => throw ApiException.InvalidRequest($"Invalid boolean: {s}", Name(key), "parameter_invalid_boolean"),
    };

    public Params? Object(string key)
    {
        if (!Node.Children.TryGetValue(key, out var child) || (child.IsLeaf && string.IsNullOrEmpty(child.Value)))
        {
            return null;
        }

        if (child.IsLeaf)
        {
            throw ApiException.InvalidRequest($"Invalid object: {child.Value} for {Name(key)}", Name(key));
        }

        return new Params(child, Name(key));
    }

    /// <summary>An indexed list (<c>items[0][price]</c>, <c>expand[]</c>), in index order.</summary>
    public IReadOnlyList<Params> List(string key) =>
        Object(key) is { } list
            ? list.Node.Children.OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue).Select(c => new Params(c.Value, $"{list.Name(c.Key)}")).ToList()
            : [];

    public IReadOnlyList<string> Strings(string key)
    {
        if (Node.Children.TryGetValue(key, out var child) && child.IsLeaf)
        {
            return string.IsNullOrEmpty(child.Value) ? [] : [child.Value];
        }

        return List(key).Select(p => p.Node.Value ?? "").Where(s => s.Length > 0).ToList();
    }

    /// <summary>Applies Stripe's metadata semantics to <paramref name="metadata"/>: <c>metadata[k]=v</c> sets,
    /// <c>metadata[k]=</c> removes, <c>metadata=</c> clears. Returns whether the parameter was present.</summary>
    public bool ApplyMetadata(Dictionary<string, string> metadata, string key = "metadata")
    {
        if (!Node.Children.TryGetValue(key, out var child))
        {
            return false;
        }

        if (child.IsLeaf)
        {
            if (string.IsNullOrEmpty(child.Value))
            {
                metadata.Clear();
                return true;
            }

            throw ApiException.InvalidRequest($"Invalid object: {child.Value} for {Name(key)}", Name(key));
        }

        foreach (var (k, v) in child.Children)
        {
            if (!v.IsLeaf)
            {
                throw ApiException.InvalidRequest($"Invalid string: {{...}} for {Name(key)}[{k}]", $"{Name(key)}[{k}]");
            }

            if (string.IsNullOrEmpty(v.Value))
            {
                metadata.Remove(k);
            }
            else
            {
                metadata[k] = v.Value;
            }
        }

        return true;
    }

    public string Enum(string key, string fallback, params string[] allowed)
    {
        var value = NonEmpty(key) ?? fallback;
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw ApiException.InvalidRequest($"Invalid {Name(key)}: must be one of {string.Join(", ", allowed)}", Name(key));
    }
}

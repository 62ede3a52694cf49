using System.Text;

namespace Leeway.StripeSandbox.Wire;

/// <summary>Parses Stripe's <c>application/x-www-form-urlencoded</c> bracket notation into a <see cref="FormNode"/> tree.</summary>
internal static class FormParser
{
    /// <summary>Adds every pair of <paramref name="encoded"/> (a query string or a form body) to the tree and to <paramref name="flat"/>.</summary>
    public static void Parse(string encoded, FormNode root, List<KeyValuePair<string, string>> flat)
    {
        foreach (var pair in encoded.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
            Add(root, key, value, flat);
        }
    }

    private static void Add(FormNode root, string key, string value, List<KeyValuePair<string, string>> flat)
    {
        var segments = Segments(key);
        var node = root;
        var flatKey = new StringBuilder(segments[0]);
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0)
            {
                // "expand[]=a&expand[]=b": append at the next index.
                segment = node.Children.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (i > 0)
            {
                flatKey.Append('[').Append(segment).Append(']');
            }

            node = node.Child(segment);
        }

        node.Value = value;
        flat.Add(new(flatKey.ToString(), value));
    }

    private static List<string> Segments(string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return [key];
        }

        var segments = new List<string> { key[..open] };
        var rest = key[open..];
        while (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            segments.Add(rest[1..close]);
            rest = rest[(close + 1)..];
        }

        return segments;
    }

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}

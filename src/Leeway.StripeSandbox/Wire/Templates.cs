using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Wire;

/// <summary>
/// One JSON template per Stripe object type (Templates/*.json, derived from Stripe's fixtures3.json, MIT licence beside them):
/// every top-level key Stripe returns, with realistic defaults. Parsed once per process, read-only; each object clones its template.
/// </summary>
internal static class Templates
{
    private static readonly Lazy<FrozenDictionary<string, JsonObject>> All = new(Load);

    public static JsonObject New(string objectType)
    {
        var clone = (JsonObject)All.Value[objectType].DeepClone();
        if (clone.ContainsKey("object"))
        {
            clone["object"] = objectType;
        }

        return clone;
    }

    private static FrozenDictionary<string, JsonObject> Load()
    {
        var assembly = typeof(Templates).Assembly;
        const string prefix = "Leeway.StripeSandbox.Templates.";
        var templates = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var type = name[prefix.Length..^".json".Length];
            type = type switch
            {
                "checkout_session" => "checkout.session",
                "billing_portal_session" => "billing_portal.session",
                "test_helpers_test_clock" => "test_helpers.test_clock",
                _ => type,
            };
            templates[type] = (JsonObject)JsonNode.Parse(stream)!;
        }

        return templates.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

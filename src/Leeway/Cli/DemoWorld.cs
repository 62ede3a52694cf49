using System.Globalization;
using System.Text.Json.Nodes;
using Leeway.Eval;

namespace Leeway.Cli;

/// <summary>
/// The demo world <c>leeway serve</c> starts with: a customer in each kind of billing trouble, written as a scenario file
/// (validated by the same loader as eval) and moved in time so that its "now" is today.
/// </summary>
internal static class DemoWorld
{
    public static Scenario Load(DateTimeOffset today)
    {
        using var stream = typeof(DemoWorld).Assembly.GetManifestResourceStream("Leeway.DemoWorld.json")
            ?? throw new InvalidOperationException("The demo world resource is missing from the build.");
        using var reader = new StreamReader(stream);
        var written = ScenarioLoader.Parse(reader.ReadToEnd(), "demo-world.json");
        var shift = today - written.Now;
        var world = (JsonObject)Shift(written.World.DeepClone(), shift)!;
        return ScenarioLoader.Parse(new JsonObject
        {
            ["id"] = written.Id,
            ["title"] = written.Title,
            ["now"] = today.ToString("O"),
            ["customer"] = written.Customer,
            ["world"] = world,
        }.ToJsonString(), "demo-world.json");
    }

    /// <summary>Every ISO time in the world moves by the same amount, so the troubles keep their shape relative to today.</summary>
    private static JsonNode? Shift(JsonNode? node, TimeSpan shift)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = Shift(obj[key]?.DeepClone(), shift);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Shift(array[i]?.DeepClone(), shift);
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Length >= 20 && text.EndsWith('Z')
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time):
                return JsonValue.Create((time + shift).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            default:
                return node;
        }
    }
}

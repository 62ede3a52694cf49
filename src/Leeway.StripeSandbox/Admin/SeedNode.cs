using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Admin;

/// <summary>A JSON object of an admin request with its path (<c>world.customers[0].invoices[1]</c>), for errors that name it.</summary>
internal sealed class SeedNode(JsonObject json, string path)
{
    public JsonObject Json { get; } = json;

    public string Path { get; } = path;

    public static SeedNode Root(JsonNode? node, string path) =>
        node as JsonObject is { } o ? new SeedNode(o, path) : throw Bad(path, node, "an object");

    public bool Has(string key) => Json[key] is not null;

    public string? String(string key)
    {
        var node = Json[key];
        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => throw Bad($"{Path}.{key}", node, "a string"),
        };
    }

    public string RequiredString(string key) => String(key) is { Length: > 0 } s ? s : throw Bad($"{Path}.{key}", Json[key], "a non-empty string");

    public long? Long(string key)
    {
        var node = Json[key];
        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var l) => l,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) && d == Math.Floor(d) => (long)d,
            _ => throw Bad($"{Path}.{key}", node, "an integer"),
        };
    }

    public bool? Bool(string key)
    {
        var node = Json[key];
        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            _ => throw Bad($"{Path}.{key}", node, "true or false"),
        };
    }

    /// <summary>An ISO-8601 time (or Unix seconds) as Unix seconds.</summary>
    public long? Time(string key)
    {
        var node = Json[key];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue n && n.GetValueKind() == JsonValueKind.Number && n.TryGetValue<long>(out var unix))
        {
            return unix;
        }

        return node is JsonValue v && v.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(v.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? UnixTime.Of(time)
            : throw Bad($"{Path}.{key}", node, "an ISO-8601 time");
    }

    public IReadOnlyList<SeedNode> List(string key)
    {
        var node = Json[key];
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            throw Bad($"{Path}.{key}", node, "a list");
        }

        return array.Select((item, i) => Root(item, $"{Path}.{key}[{i}]")).ToList();
    }

    /// <summary>A list of strings (<c>["de-DE", "en"]</c>); absent is empty.</summary>
    public IReadOnlyList<string> Strings(string key) => Json[key] switch
    {
        null => [],
        JsonArray array when array.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String) => array.Select(i => i!.GetValue<string>()).ToList(),
        var other => throw Bad($"{Path}.{key}", other, "a list of strings"),
    };

    public AdminException Bad(string key, string expected) => Bad($"{Path}.{key}", Json[key], expected);

    public static AdminException Bad(string path, JsonNode? value, string expected) =>
        AdminException.BadRequest($"{path}: expected {expected}, got {(value is null ? "nothing" : value.ToJsonString())}");
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace Leeway.Eval;

/// <summary>What one field of the scenario format may hold. <see cref="ScenarioSchema"/> lists them; the loader walks them.</summary>
internal abstract record FieldSpec
{
    public bool Required { get; init; }

    /// <returns>Null when the value fits, else what is wrong.</returns>
    public abstract string? Check(JsonNode? value);

    protected static bool IsKind(JsonNode? value, JsonValueKind kind) => value is JsonValue v && v.GetValueKind() == kind;
}

internal sealed record StringSpec(IReadOnlyList<string>? Allowed = null, string? Pattern = null) : FieldSpec
{
    public override string? Check(JsonNode? value)
    {
        if (!IsKind(value, JsonValueKind.String))
        {
            return "expected a string";
        }

        var text = value!.GetValue<string>();
        if (Allowed is not null && !Allowed.Contains(text))
        {
            return $"expected one of {string.Join(", ", Allowed)}";
        }

        if (Pattern is not null && !System.Text.RegularExpressions.Regex.IsMatch(text, Pattern))
        {
            return $"does not match the expected form {Pattern}";
        }

        return null;
    }
}

internal sealed record TimeSpec : FieldSpec
{
    public override string? Check(JsonNode? value) =>
        IsKind(value, JsonValueKind.String) && TryParse(value!.GetValue<string>(), out _) ? null : "expected an ISO-8601 UTC time such as 2026-11-10T09:00:00Z";

    public static bool TryParse(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}

internal sealed record DurationSpec : FieldSpec
{
    public override string? Check(JsonNode? value)
    {
        if (!IsKind(value, JsonValueKind.String))
        {
            return "expected an ISO-8601 duration such as P3D or PT2H";
        }

        try
        {
            return XmlConvert.ToTimeSpan(value!.GetValue<string>()) > TimeSpan.Zero ? null : "expected a positive duration";
        }
        catch (FormatException)
        {
            return "expected an ISO-8601 duration such as P3D or PT2H";
        }
    }
}

internal sealed record IntegerSpec(long Min = long.MinValue) : FieldSpec
{
    public override string? Check(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n)
            ? n >= Min ? null : $"expected an integer of at least {Min}"
            : "expected an integer (money is in minor units, e.g. 1500 for $15.00)";
}

internal sealed record NumberSpec : FieldSpec
{
    public override string? Check(JsonNode? value) => IsKind(value, JsonValueKind.Number) ? null : "expected a number";
}

internal sealed record BoolSpec : FieldSpec
{
    public override string? Check(JsonNode? value) =>
        IsKind(value, JsonValueKind.True) || IsKind(value, JsonValueKind.False) ? null : "expected true or false";
}

/// <summary>Any JSON scalar (for state values and policy overrides, checked elsewhere).</summary>
internal sealed record AnySpec : FieldSpec
{
    public override string? Check(JsonNode? value) => null;
}

internal sealed record ObjectSpec(IReadOnlyDictionary<string, FieldSpec> Fields) : FieldSpec
{
    public override string? Check(JsonNode? value) => value is JsonObject ? null : "expected an object";
}

/// <summary>An object whose keys are free (object ids, policy keys) and whose values follow one spec.</summary>
internal sealed record MapSpec(FieldSpec Values) : FieldSpec
{
    public override string? Check(JsonNode? value) => value is JsonObject ? null : "expected an object";
}

internal sealed record ListSpec(FieldSpec Items) : FieldSpec
{
    public override string? Check(JsonNode? value) => value is JsonArray ? null : "expected a list";
}

/// <summary>One of two specs, by the value's JSON kind: a string, or an object (a conversation item).</summary>
internal sealed record StringOrObjectSpec(StringSpec Text, ObjectSpec Object) : FieldSpec
{
    public override string? Check(JsonNode? value) => value switch
    {
        JsonObject => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => null,
        _ => "expected a message (a string) or {\"complete_link\": {...}}",
    };

    public FieldSpec For(JsonNode? value) => value is JsonObject ? Object : Text;
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leeway.Storage;

/// <summary>
/// JSON for a closed vocabulary: the member's <see cref="WireName"/> as a string, never a number or the C# name. Put it
/// on the enum (<c>[JsonConverter(typeof(WireNameConverter&lt;T&gt;))]</c>) so every record carrying the word speaks the wire.
/// </summary>
internal sealed class WireNameConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && WireName.TryParse(reader.GetString(), out T value)
            ? value
            : throw new JsonException($"Expected one of {string.Join(", ", WireName.All<T>())} for {typeof(T).Name}.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(WireName.Of(value));

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(WireName.Of(value));
}

using System.Text.Encodings.Web;
using System.Text.Json;

namespace Leeway.StripeSandbox.Wire;

internal static class JsonWire
{
    /// <summary>Readable non-ASCII (names like "Véronique") instead of \u escapes; still valid JSON.</summary>
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

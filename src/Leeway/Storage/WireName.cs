using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leeway.Storage;

/// <summary>
/// The one place a closed vocabulary (an enum) meets its wire spelling: the snake_case of the member's name, or the
/// <see cref="JsonStringEnumMemberNameAttribute"/> on it. The scenario format, the audit log, policy.yaml and the API
/// all speak these spellings; JSON reads and writes them through <see cref="WireNameConverter{T}"/>, which asks this class,
/// so a name never has two spellings.
/// </summary>
internal static class WireName
{
    /// <summary>The wire spelling of a member; a value outside the enum is a bug, not input, so it throws.</summary>
    public static string Of<T>(T value) where T : struct, Enum =>
        Names<T>.ToWire.TryGetValue(value, out var wire)
            ? wire
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{value} is not a named {typeof(T).Name}.");

    /// <summary>The member a wire spelling names; a clear error naming the value and the choices otherwise.</summary>
    public static T Parse<T>(string wire) where T : struct, Enum =>
        TryParse(wire, out T value)
            ? value
            : throw new FormatException($"'{wire}' is not a {typeof(T).Name}; expected one of {string.Join(", ", All<T>())}.");

    public static bool TryParse<T>(string? wire, out T value) where T : struct, Enum =>
        Names<T>.FromWire.TryGetValue(wire ?? "", out value);

    /// <summary>Every wire spelling of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Names<T>.InOrder;

    private static class Names<T> where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> InOrder = Enum.GetValues<T>().Select(Spell).ToList();
        public static readonly FrozenDictionary<T, string> ToWire = Enum.GetValues<T>().ToFrozenDictionary(v => v, Spell);
        public static readonly FrozenDictionary<string, T> FromWire = Enum.GetValues<T>().ToFrozenDictionary(Spell, v => v, StringComparer.Ordinal);

        private static string Spell(T value)
        {
            var name = value.ToString();
            var member = typeof(T).GetField(name, BindingFlags.Public | BindingFlags.Static);
            return member?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
        }
    }
}

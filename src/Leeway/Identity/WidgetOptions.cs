using System.ComponentModel.DataAnnotations;

namespace Leeway.Identity;

/// <summary>
/// Leeway inside the SaaS's dashboard: the origins whose pages may frame the widget (<c>/widget/…</c>) and post its
/// sign-in. Off while the list is empty: then no page of Leeway may be framed at all. Section <c>Identity:Widget</c>;
/// docs/integrate.md shows the SaaS side.
/// </summary>
internal sealed class WidgetOptions : IValidatableObject
{
    public const string Section = "Identity:Widget";

    /// <summary>Origins (<c>scheme://host[:port]</c>, no path), e.g. <c>https://app.example.com</c>.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public bool Enabled => AllowedOrigins.Length > 0;

    /// <summary>The origins as a CSP source list (<c>frame-ancestors</c>), in their normal form.</summary>
    public string SourceList => string.Join(' ', AllowedOrigins.Select(Normal));

    /// <summary>Whether <paramref name="origin"/> (a request's <c>Origin</c> header) is one of the configured origins.</summary>
    public bool Allows(string? origin) =>
        !string.IsNullOrEmpty(origin) && AllowedOrigins.Any(o => string.Equals(Normal(o), origin, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < AllowedOrigins.Length; i++)
        {
            var value = AllowedOrigins[i];
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || !string.IsNullOrEmpty(uri.UserInfo)
                || value.Contains('*', StringComparison.Ordinal))
            {
                yield return new ValidationResult(
                    $"{Section}:AllowedOrigins:{i} '{value}' is not an origin: write scheme://host[:port] with no path, e.g. https://app.example.com.",
                    [nameof(AllowedOrigins)]);
            }
        }
    }

    /// <summary>An origin as browsers send it: lower-case scheme and host, the port only when it is not the scheme's default.</summary>
    private static string Normal(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant() : origin;
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Leeway.Knowledge;
using Microsoft.AspNetCore.Html;

namespace Leeway.Humans.Console;

/// <summary>An article being improved: its current version, the proposed whole text, and the change between them.</summary>
internal sealed record ArticleReview(Article Current, string Resolution, string Proposed, ArticleChange Change, int BaseVersion, string Fingerprint)
{
    /// <summary>
    /// The review of <paramref name="body"/> against the article as it is; on the <paramref name="first"/> look, the current
    /// text with the resolution added at the end, for the person to edit into place.
    /// </summary>
    public static ArticleReview Of(Article current, string? resolution, string? body, bool first, int? baseVersion)
    {
        var proposed = first
            ? $"{current.Body.TrimEnd()}\n\n{resolution?.Trim()}".TrimEnd()
            : Normalized(body);
        return new ArticleReview(current, resolution?.Trim() ?? "", proposed, ArticleChange.Compare(current.Body, proposed), baseVersion ?? current.Version, FingerprintOf(proposed));
    }

    /// <summary>What the preview showed, so a save of a text edited after it shows the change again instead of saving unseen.</summary>
    public static string FingerprintOf(string? body) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Normalized(body))))[..32];

    /// <summary>The change as one run of text (the block keeps the article's spacing), added words in &lt;ins&gt;, removed in &lt;del&gt;.</summary>
    public IHtmlContent DiffHtml()
    {
        var html = new StringBuilder();
        foreach (var segment in Change.Segments)
        {
            var text = HtmlEncoder.Default.Encode(segment.Text);
            html.Append(segment.Kind switch
            {
                ArticleChangeKind.Added => $"<ins>{text}</ins>",
                ArticleChangeKind.Removed => $"<del>{text}</del>",
                _ => text,
            });
        }

        return new HtmlString(html.ToString());
    }

    private static string Normalized(string? body) => (body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leeway.Knowledge;

/// <summary>
/// The help article as a customer reads it: one page per article at <c>/help/articles/{id}</c>, the page Lee links to
/// when it quotes an article (the JSON under /api/v1/knowledge is for programs). Help articles are public: no sign-in.
/// <c>?lang=es</c> shows the article's current Spanish translation, or the English text when it has none.
/// </summary>
internal static class KnowledgePages
{
    public const string Prefix = "/help/articles/";

    public static string PathOf(string articleId) => Prefix + Uri.EscapeDataString(articleId);

    /// <summary>The page of the article as it is in <paramref name="language"/>: the link Lee gives with an excerpt in that language.</summary>
    public static string PathOf(string articleId, string language) =>
        language == ArticleLanguages.Source ? PathOf(articleId) : PathOf(articleId) + "?lang=" + Uri.EscapeDataString(language);

    public static IEndpointRouteBuilder MapKnowledgePages(this IEndpointRouteBuilder app)
    {
        app.MapGet(Prefix + "{id}", ShowAsync).WithName("ShowHelpArticle").WithTags("Knowledge").AllowAnonymous();
        return app;
    }

    public static async Task<Results<ContentHttpResult, NotFound>> ShowAsync(string id, string? lang, IKnowledgeBase knowledge, CancellationToken cancellationToken) =>
        await knowledge.GetAsync(id, ArticleLanguages.Normalize(lang), cancellationToken) is { } article
            ? TypedResults.Content(Html(article), "text/html; charset=utf-8")
            : TypedResults.NotFound();

    /// <summary>The article's Markdown as plain HTML: headings, paragraphs and lists, every word escaped.</summary>
    internal static string Html(Article article)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"").Append(WebUtility.HtmlEncode(article.Language)).Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>").Append(WebUtility.HtmlEncode(article.Title)).Append("</title>");
        html.Append("<style>body{font:16px/1.55 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1d2433}h1{font-size:1.5rem}</style></head><body><main>");
        html.Append("<h1>").Append(WebUtility.HtmlEncode(article.Title)).Append("</h1>");
        var inList = false;
        foreach (var block in article.Body.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = block.Trim();
            var item = line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal);
            if (inList && !item)
            {
                html.Append("</ul>");
                inList = false;
            }

            if (line.Length == 0)
            {
                continue;
            }

            if (item)
            {
                html.Append(inList ? "" : "<ul>").Append("<li>").Append(WebUtility.HtmlEncode(line[2..])).Append("</li>");
                inList = true;
            }
            else if (line.StartsWith('#'))
            {
                html.Append("<h2>").Append(WebUtility.HtmlEncode(line.TrimStart('#', ' '))).Append("</h2>");
            }
            else
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
            }
        }

        html.Append(inList ? "</ul>" : "").Append("</main></body></html>");
        return html.ToString();
    }
}

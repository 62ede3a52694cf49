using Leeway.Diagnostics;
using Leeway.Knowledge;
using Leeway.Storage;

namespace Leeway.Humans;

/// <summary>The checks on an article a closing person writes or improves (<see cref="CloseCaseRequest"/>), before the case closes.</summary>
internal static class ArticleDrafts
{
    public static void Validate(ArticleDraft draft, bool creating, Dictionary<string, string[]> errors)
    {
        var title = draft.Title?.Trim() ?? "";
        if (creating && title.Length == 0)
        {
            errors["article.title"] = ["A new article needs a title."];
        }
        else if (title.Length > KnowledgeBase.MaxTitleLength)
        {
            errors["article.title"] = [$"The title is {title.Length} characters; at most {KnowledgeBase.MaxTitleLength}."];
        }

        if ((draft.Body?.Trim().Length ?? 0) > KnowledgeBase.MaxBodyLength)
        {
            errors["article.body"] = [$"The body is {draft.Body!.Trim().Length} characters; at most {KnowledgeBase.MaxBodyLength}."];
        }

        var unknown = (draft.RootCauses ?? []).Where(c => !WireName.TryParse<RootCause>(c, out _)).ToList();
        if (unknown.Count > 0)
        {
            errors["article.root_causes"] = [$"Unknown root cause(s): {string.Join(", ", unknown)}."];
        }
    }

    /// <summary>
    /// An improvement is the article's whole new text: an empty one, an unchanged one, or one that drops most of the current
    /// words without <c>replace</c> is refused, so a stray submit never swaps a page of guidance for a one-line resolution.
    /// </summary>
    public static void ValidateImprovement(Article current, ArticleDraft draft, Dictionary<string, string[]> errors)
    {
        var body = draft.Body?.Trim() ?? "";
        if (body.Length == 0)
        {
            errors["article.body"] = [$"Improving '{current.Title}' needs its whole new text in article.body; an empty text would replace the article."];
            return;
        }

        var change = ArticleChange.Compare(current.Body, body);
        var title = draft.Title?.Trim();
        if (change.Unchanged && (string.IsNullOrEmpty(title) || title == current.Title) && draft.RootCauses is null)
        {
            errors["article.body"] = [$"The text is the same as version {current.Version} of '{current.Title}': nothing to improve."];
        }
        else if (change.ReplacesMost && draft.Replace != true)
        {
            errors["article.body"] =
            [
                $"The new text keeps {change.KeptWords} of the {change.BeforeWords} words of '{current.Title}' and would replace most of it. "
                + "Edit the current text instead, or set article.replace to true to replace it on purpose.",
            ];
        }
    }

    /// <summary>A new article's root causes when the person names none: the case's diagnosed one.</summary>
    public static IReadOnlyList<string> DiagnosedRootCauses(Case closed) =>
        closed.Packet.Diagnosis is { RootCause: var code } && code != RootCause.None ? [WireName.Of(code)] : [];
}

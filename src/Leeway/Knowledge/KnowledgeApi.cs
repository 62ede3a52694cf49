using Leeway.Diagnostics;
using Leeway.Identity;
using Leeway.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leeway.Knowledge;

/// <summary>Knowledge articles for customers (self-help) and staff: search and read.</summary>
internal static class KnowledgeApi
{
    public const int DefaultLimit = 5;
    public const int MaxLimit = 20;
    public const int MaxQueryLength = 2_000;

    public static RouteGroupBuilder MapKnowledgeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/knowledge")
            .WithTags("Knowledge")
            .RequireAuthorization(p => p.RequireAssertion(c => c.User.CustomerId() is not null || c.User.IsService()));
        group.MapGet("/search", SearchAsync).WithName("SearchKnowledge");
        group.MapGet("/articles/{id}", GetArticleAsync).WithName("GetKnowledgeArticle");
        group.MapGet("/articles/{id}/versions", GetVersionsAsync).WithName("GetKnowledgeArticleVersions")
            .RequireAuthorization(IdentityRegistration.ServicePolicy);
        return group;
    }

    public static async Task<Results<Ok<KnowledgeSearchResponse>, ValidationProblem>> SearchAsync(
        string? q,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "root_cause")] string? rootCause,
        int? limit,
        string? lang,
        IKnowledgeBase knowledge,
        CancellationToken cancellationToken)
    {
        var question = q?.Trim() ?? "";
        rootCause = string.IsNullOrWhiteSpace(rootCause) ? null : rootCause.Trim();
        var errors = new Dictionary<string, string[]>();
        if (question.Length == 0 && rootCause is null)
        {
            errors["q"] = ["Give a question (q) or a root cause (root_cause)."];
        }

        if (question.Length > MaxQueryLength)
        {
            errors["q"] = [$"The question is {question.Length} characters; at most {MaxQueryLength}."];
        }

        RootCause? cause = WireName.TryParse<RootCause>(rootCause, out var parsed) ? parsed : null;
        if (rootCause is not null && cause is null)
        {
            errors["root_cause"] = [$"Unknown root cause '{rootCause}'."];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be 1-{MaxLimit} (got {limit})."];
        }

        if (lang is not null && !ArticleLanguages.IsKnown(lang))
        {
            errors["lang"] = [$"lang must be one of {string.Join(", ", ArticleLanguages.All)} (got '{lang}')."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var hits = await knowledge.SearchAsync(question, cause, limit ?? DefaultLimit, lang ?? ArticleLanguages.Source, cancellationToken);
        return TypedResults.Ok(new KnowledgeSearchResponse(
            question,
            rootCause,
            hits.Select(h => new KnowledgeSearchHit(
                h.Article.Id, h.Article.Title, ArticleSnippet.For(h.Article.Body, question, h.Article.Language), h.Score, h.Article.RootCauses, h.Article.Version, h.Article.Language)).ToList()));
    }

    /// <summary>The article in <c>lang</c> when it has a current translation, else in English (its <c>language</c> says which).</summary>
    public static async Task<Results<Ok<Article>, NotFound>> GetArticleAsync(string id, string? lang, IKnowledgeBase knowledge, CancellationToken cancellationToken) =>
        await knowledge.GetAsync(id, ArticleLanguages.Normalize(lang), cancellationToken) is { } article ? TypedResults.Ok(article) : TypedResults.NotFound();

    internal static async Task<Results<Ok<IReadOnlyList<ArticleVersion>>, NotFound>> GetVersionsAsync(string id, string? lang, KnowledgeBase knowledge, CancellationToken cancellationToken)
    {
        var versions = await knowledge.VersionsAsync(id, ArticleLanguages.Normalize(lang), cancellationToken);
        return versions.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(versions);
    }
}

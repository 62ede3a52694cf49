namespace Leeway.Knowledge;

/// <summary>An article with who wrote its current version (<c>seed</c> for the shipped articles).</summary>
internal sealed record StoredArticle(Article Article, string Author);

namespace Leeway.Knowledge;

/// <summary>A validated new version of an article, about to be written.</summary>
internal sealed record ArticleWrite(string Id, string Title, string Body, IReadOnlyList<string> RootCauses, string Author);

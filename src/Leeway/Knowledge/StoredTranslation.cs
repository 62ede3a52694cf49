namespace Leeway.Knowledge;

/// <summary>A translation's current text (as an <see cref="Article"/> in its language), the English version it translates, and who wrote it.</summary>
internal sealed record StoredTranslation(Article Article, int SourceVersion, string Author);

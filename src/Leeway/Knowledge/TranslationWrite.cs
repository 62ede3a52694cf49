namespace Leeway.Knowledge;

/// <summary>A validated new version of an article's translation, about to be written, and the English version it translates.</summary>
internal sealed record TranslationWrite(string Id, string Language, string Title, string Body, int SourceVersion, string Author);

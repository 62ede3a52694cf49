using Leeway.Storage;

namespace Leeway.Knowledge;

/// <summary>
/// Articles (the current version) and every version ever written, so improving an article never loses
/// what it said before. Root causes are a JSON array of codes. An article is written in English; its translations
/// (one current text per article and language, and every version of each) sit beside it, each recording the English
/// version it was translated from (<c>source_version</c>), so a staff improvement of the English text can tell which
/// translations it has left behind.
/// </summary>
internal sealed class KnowledgeSchema : ISchema
{
    public string Capability => "knowledge";

    public IEnumerable<string> Statements(SqlDialect dialect) =>
    [
        """
        CREATE TABLE IF NOT EXISTS knowledge_articles (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            root_causes TEXT NOT NULL,
            version BIGINT NOT NULL,
            author TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS knowledge_article_versions (
            article_id TEXT NOT NULL,
            version BIGINT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            root_causes TEXT NOT NULL,
            author TEXT NOT NULL,
            written_at BIGINT NOT NULL,
            PRIMARY KEY (article_id, version)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS knowledge_translations (
            article_id TEXT NOT NULL,
            language TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            version BIGINT NOT NULL,
            source_version BIGINT NOT NULL,
            author TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (article_id, language)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS knowledge_translation_versions (
            article_id TEXT NOT NULL,
            language TEXT NOT NULL,
            version BIGINT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            source_version BIGINT NOT NULL,
            author TEXT NOT NULL,
            written_at BIGINT NOT NULL,
            PRIMARY KEY (article_id, language, version)
        )
        """,
    ];
}

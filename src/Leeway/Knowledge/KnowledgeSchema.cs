using Leeway.Storage;

namespace Leeway.Knowledge;

/// <summary>
/// Articles (the current version) and every version ever written, so improving an article never loses
/// what it said before. Root causes are a JSON array of codes.
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
    ];
}

using System.Data.Common;
using System.Text.Json;
using Dapper;
using Leeway.Storage;

namespace Leeway.Knowledge;

/// <summary>The articles in the database: the current version of each, and the history of every version.</summary>
internal sealed class ArticleStore(Database database, TimeProvider time)
{
    private const string Columns =
        "id AS Id, title AS Title, body AS Body, root_causes AS RootCauses, version AS Version, author AS Author, updated_at AS UpdatedAt";

    public async Task<StoredArticle?> GetAsync(string articleId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ArticleRow>(new CommandDefinition(
            $"SELECT {Columns} FROM knowledge_articles WHERE id = @articleId", new { articleId }, cancellationToken: cancellationToken));
        return row?.ToStored();
    }

    public async Task<IReadOnlyList<StoredArticle>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ArticleRow>(new CommandDefinition(
            $"SELECT {Columns} FROM knowledge_articles ORDER BY id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStored()).ToList();
    }

    public async Task<IReadOnlyList<ArticleVersion>> VersionsAsync(string articleId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VersionRow>(new CommandDefinition(
            """
            SELECT article_id AS ArticleId, version AS Version, title AS Title, body AS Body, root_causes AS RootCauses,
                   author AS Author, written_at AS WrittenAt
            FROM knowledge_article_versions WHERE article_id = @articleId ORDER BY version
            """,
            new { articleId },
            cancellationToken: cancellationToken));
        return rows.Select(r => new ArticleVersion(
            r.ArticleId, (int)r.Version, r.Title, r.Body, ParseRootCauses(r.RootCauses), r.Author,
            DateTimeOffset.FromUnixTimeMilliseconds(r.WrittenAt))).ToList();
    }

    public async Task<StoredArticle> SaveAsync(ArticleWrite write, CancellationToken cancellationToken) =>
        (await SaveAllAsync([write], cancellationToken))[0];

    /// <summary>
    /// Writes a new version of each article (version 1 when it does not exist yet) and keeps it in the history, all in one
    /// transaction. Each write comes first in the transaction, so concurrent writers queue on the row instead of failing.
    /// </summary>
    public async Task<IReadOnlyList<StoredArticle>> SaveAllAsync(IReadOnlyList<ArticleWrite> writes, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var attempt = 0; ; attempt++)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var saved = new List<StoredArticle>(writes.Count);
            foreach (var write in writes)
            {
                var row = await WriteAsync(connection, transaction, write, now, cancellationToken);
                if (row is null)
                {
                    break;
                }

                saved.Add(row.ToStored());
            }

            if (saved.Count == writes.Count)
            {
                await transaction.CommitAsync(cancellationToken);
                return saved;
            }

            // Someone created one of them between our UPDATE and INSERT: go again, as an improvement this time.
            await transaction.RollbackAsync(cancellationToken);
            if (attempt >= 3)
            {
                throw new InvalidOperationException("Articles could not be written: they keep changing.");
            }
        }
    }

    private static async Task<ArticleRow?> WriteAsync(DbConnection connection, DbTransaction transaction, ArticleWrite write, long now, CancellationToken cancellationToken)
    {
        var parameters = new { articleId = write.Id, write.Title, write.Body, rootCauses = JsonSerializer.Serialize(write.RootCauses), write.Author, now };
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE knowledge_articles
            SET title = @Title, body = @Body, root_causes = @rootCauses, author = @Author, updated_at = @now, version = version + 1
            WHERE id = @articleId
            """,
            parameters,
            transaction,
            cancellationToken: cancellationToken));
        if (updated == 0)
        {
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO knowledge_articles (id, title, body, root_causes, version, author, created_at, updated_at)
                VALUES (@articleId, @Title, @Body, @rootCauses, 1, @Author, @now, @now)
                ON CONFLICT DO NOTHING
                """,
                parameters,
                transaction,
                cancellationToken: cancellationToken));
            if (inserted == 0)
            {
                return null;
            }
        }

        var row = await connection.QuerySingleAsync<ArticleRow>(new CommandDefinition(
            $"SELECT {Columns} FROM knowledge_articles WHERE id = @articleId", parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO knowledge_article_versions (article_id, version, title, body, root_causes, author, written_at)
            VALUES (@articleId, @version, @Title, @Body, @rootCauses, @Author, @now)
            """,
            new { parameters.articleId, version = row.Version, parameters.Title, parameters.Body, parameters.rootCauses, parameters.Author, now },
            transaction,
            cancellationToken: cancellationToken));
        return row;
    }

    private static IReadOnlyList<string> ParseRootCauses(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    private sealed class ArticleRow
    {
        public string Id { get; set; } = "";
        public string Title { get; set; } = "";
        public string Body { get; set; } = "";
        public string RootCauses { get; set; } = "[]";
        public long Version { get; set; }
        public string Author { get; set; } = "";
        public long UpdatedAt { get; set; }

        public StoredArticle ToStored() => new(
            new Article(Id, Title, Body, ParseRootCauses(RootCauses), (int)Version, DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt)),
            Author);
    }

    private sealed class VersionRow
    {
        public string ArticleId { get; set; } = "";
        public long Version { get; set; }
        public string Title { get; set; } = "";
        public string Body { get; set; } = "";
        public string RootCauses { get; set; } = "[]";
        public string Author { get; set; } = "";
        public long WrittenAt { get; set; }
    }
}

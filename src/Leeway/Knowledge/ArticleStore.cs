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
    public Task<IReadOnlyList<StoredArticle>> SaveAllAsync(IReadOnlyList<ArticleWrite> writes, CancellationToken cancellationToken) =>
        WriteAllAsync(writes, async (connection, transaction, write, now, ct) => (await WriteAsync(connection, transaction, write, now, ct))?.ToStored(), cancellationToken);

    /// <summary>Writes a new version of each translation (version 1 when the article has none in that language yet), as <see cref="SaveAllAsync"/>.</summary>
    public Task<IReadOnlyList<StoredTranslation>> SaveTranslationsAsync(IReadOnlyList<TranslationWrite> writes, CancellationToken cancellationToken) =>
        WriteAllAsync(writes, WriteTranslationAsync, cancellationToken);

    /// <summary>The current translation of an article into <paramref name="language"/>, if it has one.</summary>
    public async Task<StoredTranslation?> GetTranslationAsync(string articleId, string language, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TranslationRow>(new CommandDefinition(
            $"{TranslationSelect} WHERE t.article_id = @articleId AND t.language = @language", new { articleId, language }, cancellationToken: cancellationToken));
        return row?.ToStored();
    }

    public async Task<IReadOnlyList<StoredTranslation>> AllTranslationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TranslationRow>(new CommandDefinition(
            $"{TranslationSelect} ORDER BY t.article_id, t.language", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStored()).ToList();
    }

    public async Task<IReadOnlyList<ArticleVersion>> TranslationVersionsAsync(string articleId, string language, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TranslationVersionRow>(new CommandDefinition(
            """
            SELECT v.article_id AS ArticleId, v.language AS Language, v.version AS Version, v.title AS Title, v.body AS Body,
                   a.root_causes AS RootCauses, v.source_version AS SourceVersion, v.author AS Author, v.written_at AS WrittenAt
            FROM knowledge_translation_versions v JOIN knowledge_articles a ON a.id = v.article_id
            WHERE v.article_id = @articleId AND v.language = @language ORDER BY v.version
            """,
            new { articleId, language },
            cancellationToken: cancellationToken));
        return rows.Select(r => new ArticleVersion(
            r.ArticleId, (int)r.Version, r.Title, r.Body, ParseRootCauses(r.RootCauses), r.Author,
            DateTimeOffset.FromUnixTimeMilliseconds(r.WrittenAt), r.Language, (int)r.SourceVersion)).ToList();
    }

    private async Task<IReadOnlyList<TResult>> WriteAllAsync<TWrite, TResult>(
        IReadOnlyList<TWrite> writes, Func<DbConnection, DbTransaction, TWrite, long, CancellationToken, Task<TResult?>> write, CancellationToken cancellationToken)
        where TResult : class
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var attempt = 0; ; attempt++)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var saved = new List<TResult>(writes.Count);
            foreach (var one in writes)
            {
                var row = await write(connection, transaction, one, now, cancellationToken);
                if (row is null)
                {
                    break;
                }

                saved.Add(row);
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
        if (!await UpdateOrInsertAsync(
                connection,
                transaction,
                """
                UPDATE knowledge_articles
                SET title = @Title, body = @Body, root_causes = @rootCauses, author = @Author, updated_at = @now, version = version + 1
                WHERE id = @articleId
                """,
                """
                INSERT INTO knowledge_articles (id, title, body, root_causes, version, author, created_at, updated_at)
                VALUES (@articleId, @Title, @Body, @rootCauses, 1, @Author, @now, @now)
                ON CONFLICT DO NOTHING
                """,
                parameters,
                cancellationToken))
        {
            return null;
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

    private static async Task<StoredTranslation?> WriteTranslationAsync(DbConnection connection, DbTransaction transaction, TranslationWrite write, long now, CancellationToken cancellationToken)
    {
        var parameters = new { articleId = write.Id, write.Language, write.Title, write.Body, sourceVersion = (long)write.SourceVersion, write.Author, now };
        if (!await UpdateOrInsertAsync(
                connection,
                transaction,
                """
                UPDATE knowledge_translations
                SET title = @Title, body = @Body, source_version = @sourceVersion, author = @Author, updated_at = @now, version = version + 1
                WHERE article_id = @articleId AND language = @Language
                """,
                """
                INSERT INTO knowledge_translations (article_id, language, title, body, version, source_version, author, created_at, updated_at)
                VALUES (@articleId, @Language, @Title, @Body, 1, @sourceVersion, @Author, @now, @now)
                ON CONFLICT DO NOTHING
                """,
                parameters,
                cancellationToken))
        {
            return null;
        }

        var row = await connection.QuerySingleAsync<TranslationRow>(new CommandDefinition(
            $"{TranslationSelect} WHERE t.article_id = @articleId AND t.language = @Language", parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO knowledge_translation_versions (article_id, language, version, title, body, source_version, author, written_at)
            VALUES (@articleId, @Language, @version, @Title, @Body, @sourceVersion, @Author, @now)
            """,
            new { parameters.articleId, parameters.Language, version = row.Version, parameters.Title, parameters.Body, parameters.sourceVersion, parameters.Author, now },
            transaction,
            cancellationToken: cancellationToken));
        return row.ToStored();
    }

    /// <summary>
    /// The current row of a write, new version first: the existing row updated, or version 1 inserted when there is none.
    /// False when another writer inserted it between the two (the caller goes again, as an update).
    /// </summary>
    private static async Task<bool> UpdateOrInsertAsync(
        DbConnection connection, DbTransaction transaction, string update, string insert, object parameters, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(update, parameters, transaction, cancellationToken: cancellationToken)) > 0
        || await connection.ExecuteAsync(new CommandDefinition(insert, parameters, transaction, cancellationToken: cancellationToken)) > 0;

    private const string TranslationSelect =
        """
        SELECT t.article_id AS Id, t.language AS Language, t.title AS Title, t.body AS Body, a.root_causes AS RootCauses,
               t.version AS Version, t.source_version AS SourceVersion, t.author AS Author, t.updated_at AS UpdatedAt
        FROM knowledge_translations t JOIN knowledge_articles a ON a.id = t.article_id
        """;

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

    private sealed class TranslationRow
    {
        public string Id { get; set; } = "";
        public string Language { get; set; } = "";
        public string Title { get; set; } = "";
        public string Body { get; set; } = "";
        public string RootCauses { get; set; } = "[]";
        public long Version { get; set; }
        public long SourceVersion { get; set; }
        public string Author { get; set; } = "";
        public long UpdatedAt { get; set; }

        public StoredTranslation ToStored() => new(
            new Article(Id, Title, Body, ParseRootCauses(RootCauses), (int)Version, DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt), Language),
            (int)SourceVersion,
            Author);
    }

    private sealed class TranslationVersionRow
    {
        public string ArticleId { get; set; } = "";
        public string Language { get; set; } = "";
        public long Version { get; set; }
        public string Title { get; set; } = "";
        public string Body { get; set; } = "";
        public string RootCauses { get; set; } = "[]";
        public long SourceVersion { get; set; }
        public string Author { get; set; } = "";
        public long WrittenAt { get; set; }
    }
}

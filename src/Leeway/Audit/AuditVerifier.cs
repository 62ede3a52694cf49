using Dapper;
using Leeway.Storage;

namespace Leeway.Audit;

/// <summary>
/// Walks the audit chain in order and reports the first entry that was altered or removed: a gap in <c>seq</c>, an entry
/// whose contents no longer match its hash, an entry whose <c>prev_hash</c> is not the hash of the one before (the one
/// before was altered and re-hashed), or a tail shorter than the head recorded at the last append (newest entries removed).
/// Then it holds the log against the signed <see cref="AuditCheckpoint"/> kept outside the database: the entry the
/// checkpoint names must be there with the hash it names, which a wipe, cut-off newest entries or a chain rewritten
/// with recomputed hashes (and a moved <c>audit_head</c>) cannot fake without the checkpoint's key.
/// </summary>
internal sealed class AuditVerifier(Database database, AuditCheckpoint? checkpoint = null)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var anchor = checkpoint?.Read();
        await using var connection = await database.OpenAsync(cancellationToken);
        if (!await TablesExistAsync(connection, cancellationToken))
        {
            return anchor is { Seq: { } lost }
                ? Broken(0, 1, $"the log is gone: the signed checkpoint records {lost} entries")
                : new AuditVerification(true, 0, null, null, null);
        }

        string? hashAtAnchor = null;

        var expectedSeq = 1L;
        var prevHash = AuditHash.Genesis;
        var count = 0L;
        // Streamed (unbuffered): the log can be far larger than memory should hold.
        var rows = connection.Query<AuditRow>($"SELECT {AuditRow.Columns} FROM audit_log ORDER BY seq", buffered: false);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = row.ToEntry();
            if (entry.Seq != expectedSeq)
            {
                return Broken(count, expectedSeq, entry.Seq == expectedSeq + 1
                    ? $"entry {expectedSeq} is missing (the chain goes from {expectedSeq - 1} to {entry.Seq})"
                    : $"entries {expectedSeq}..{entry.Seq - 1} are missing (the chain goes from {expectedSeq - 1} to {entry.Seq})");
            }

            if (entry.PrevHash != prevHash)
            {
                // This entry vouches for the one before; if that one was re-hashed after a change, this is where it shows.
                return expectedSeq == 1
                    ? Broken(count, 1, $"entry 1 does not start the chain (prev_hash {Short(entry.PrevHash)}, expected {Short(prevHash)})")
                    : Broken(count, expectedSeq - 1, $"entry {expectedSeq - 1} was altered: entry {expectedSeq} recorded its hash as {Short(entry.PrevHash)}, it is now {Short(prevHash)}");
            }

            var computed = AuditHash.Compute(entry);
            if (computed != entry.Hash)
            {
                return Broken(count, entry.Seq, $"entry {entry.Seq} was altered: its contents hash to {Short(computed)}, not to its recorded hash {Short(entry.Hash)}");
            }

            if (entry.Seq == anchor?.Seq)
            {
                hashAtAnchor = entry.Hash;
            }

            prevHash = entry.Hash;
            expectedSeq++;
            count++;
        }

        var head = (await connection.QueryAsync<(long Seq, string Hash)>(new CommandDefinition(
            "SELECT seq, hash FROM audit_head WHERE id = 1", cancellationToken: cancellationToken))).ToList();
        if (head.Count > 0)
        {
            var (headSeq, headHash) = head[0];
            if (headSeq > count)
            {
                return Broken(count, count + 1, count + 1 == headSeq
                    ? $"entry {headSeq} is missing (the log ends at {count}, the last append wrote {headSeq})"
                    : $"entries {count + 1}..{headSeq} are missing (the log ends at {count}, the last append wrote {headSeq})");
            }

            if (headSeq == count && headHash != prevHash)
            {
                return Broken(count, count, $"entry {count} was altered: the last append recorded its hash as {Short(headHash)}, it is now {Short(prevHash)}");
            }
        }

        if (anchor is { Seq: { } anchorSeq, Hash: { } anchorHash })
        {
            if (anchorSeq > count)
            {
                return Broken(count, count + 1, count == 0
                    ? $"the log is empty, but the signed checkpoint records {anchorSeq} entries (the log was wiped)"
                    : $"entries {count + 1}..{anchorSeq} are missing (the log ends at {count}, the signed checkpoint records {anchorSeq})");
            }

            if (hashAtAnchor != anchorHash)
            {
                return Broken(count, anchorSeq, $"the chain up to entry {anchorSeq} was rewritten: the signed checkpoint records its hash as {Short(anchorHash)}, it is now {Short(hashAtAnchor ?? "")}");
            }
        }
        else if (anchor?.Problem is { } problem && (count > 0 || File.Exists(checkpoint!.Path)))
        {
            // No checkpoint on a log with entries: either the log predates checkpoints or the checkpoint was removed.
            return anchor.Problem.StartsWith("no checkpoint", StringComparison.Ordinal)
                ? new AuditVerification(true, count, count > 0 ? prevHash : null, null, null, Anchored: false, Note: problem)
                : Broken(count, null, problem);
        }

        return new AuditVerification(true, count, count > 0 ? prevHash : null, null, null, Anchored: anchor?.Seq is not null);
    }

    private static AuditVerification Broken(long count, long? seq, string problem) => new(false, count, null, seq, problem);

    private static string Short(string hash) => hash.Length > 16 ? hash[..16] + "…" : hash;

    private async Task<bool> TablesExistAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken)
    {
        var sql = database.Dialect == SqlDialect.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('audit_log', 'audit_head')"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_name IN ('audit_log', 'audit_head')";
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: cancellationToken)) == 2;
    }
}

using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leeway.Audit;
using Leeway.Policy.Actions;
using Leeway.Storage;

namespace Leeway.Policy;

/// <summary>
/// A database from before <c>gate_actions</c> existed has the gate's decisions only in the audit log: once, at start,
/// each gate entry without a typed record gets one, read from the entry's own typed payload (the action's parameters,
/// the <see cref="GateAuditOutcome"/>) as the gate would have written it. Its id is the entry's (<c>gact_audit_&lt;seq&gt;</c>)
/// and an entry that has a record is passed over, so running it again adds nothing. An entry it cannot read is left
/// out with the reason in the log: the audit log still holds it, and the start goes on.
/// </summary>
internal sealed class GateActionsBackfill(ILogger<GateActionsBackfill> logger) : IDataMigration
{
    private const int Batch = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "policy.gate_actions_from_audit";

    public async Task ApplyAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, CancellationToken cancellationToken)
    {
        var (added, skipped) = (0, 0);
        for (var after = 0L; ;)
        {
            var entries = await SqlAuditLog.ReadAfterAsync(connection, transaction, after, Batch, cancellationToken);
            if (entries.Count == 0)
            {
                break;
            }

            foreach (var entry in entries)
            {
                if (!TryRecord(entry, out var record, out var why))
                {
                    logger.LogWarning("Audit entry {Seq} gets no gate_actions record: {Why}", entry.Seq, why);
                    skipped++;
                }
                else if (await GateActions.AddMissingAsync(connection, transaction, record, cancellationToken))
                {
                    added++;
                }
            }

            after = entries[^1].Seq;
        }

        logger.LogInformation("gate_actions: {Added} records rebuilt from the audit log, {Skipped} entries left out", added, skipped);
    }

    /// <summary>The typed record of one gate audit entry; false with the reason when the entry is not one the gate wrote.</summary>
    public static bool TryRecord(AuditEntry entry, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GateActionRecord? record, out string why)
    {
        record = null;
        if (!WireName.TryParse<ActionType>(entry.Action, out var type))
        {
            why = $"'{entry.Action}' is not a gate action";
            return false;
        }

        GateDecision? decision = entry.Decision switch
        {
            AuditDecision.Allowed => GateDecision.Allowed,
            AuditDecision.Denied => GateDecision.Denied,
            AuditDecision.Error => GateDecision.Error,
            _ => null,
        };
        if (decision is null)
        {
            why = $"'{entry.Decision}' is not a decision of the gate";
            return false;
        }

        try
        {
            var parameters = JsonNode.Parse(entry.Parameters) as JsonObject ?? throw new FormatException("its parameters are not a JSON object");
            var decisionKey = parameters["decision_key"]?.GetValue<string>() ?? "";
            var action = ActionParameters.FromJson(type, parameters);
            var outcome = entry.Outcome is null ? null : JsonSerializer.Deserialize<GateAuditOutcome>(entry.Outcome, Json);
            record = new GateActionRecord(
                $"gact_audit_{entry.Seq}",
                entry.At,
                entry.Actor,
                entry.Principal,
                entry.Customer,
                action,
                decision.Value,
                entry.Rule,
                outcome?.Message ?? "",
                outcome?.Succeeded ?? false,
                outcome?.Result?.Amount ?? outcome?.Amount,
                outcome?.Result?.Currency ?? outcome?.Currency,
                outcome?.Result?.ObjectId is { Length: > 0 } made ? made : null,
                outcome?.Result?.Status,
                entry.IdempotencyKey ?? "",
                decisionKey,
                entry.ApprovedBy,
                entry.Seq,
                outcome?.ReplayOf);
            why = "";
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            why = $"its {type} payload cannot be read: {e.Message}";
            return false;
        }
    }
}

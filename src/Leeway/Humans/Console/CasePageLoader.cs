using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Knowledge;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Storage;

namespace Leeway.Humans.Console;

/// <summary>
/// Everything the console's case page shows, read in one place (<see cref="CaseView"/>): the case and its packet, kept
/// current (a stale diagnosis is made again through the case desk), the customer's billing as Stripe has it now, their
/// timeline, the team, the actions policy refused that a person may approve (from the gate's typed record), and the
/// articles that may answer it. The page model only asks for it.
/// </summary>
internal sealed class CasePageLoader(
    CaseDesk desk,
    CaseStore store,
    IStaffDirectory staff,
    IKnowledgeBase knowledge,
    IGateActions gateActions,
    IBillingReader billing,
    TimeProvider time,
    ILogger<CasePageLoader> logger,
    IDiagnosisService? diagnostics = null,
    ICustomerConversations? conversations = null)
{
    /// <summary>How old the packet's diagnosis may be before the page diagnoses the customer again.</summary>
    private static readonly TimeSpan DiagnosisFreshFor = TimeSpan.FromMinutes(5);

    /// <summary>The case page's view of case <paramref name="id"/>; null when there is no such case.</summary>
    public async Task<CaseView?> LoadAsync(string id, CancellationToken ct)
    {
        if (await desk.DetailAsync(id, ct) is not { } detail)
        {
            return null;
        }

        if (detail.Case.Status == CaseStatus.Open && (detail.Case.Packet.Diagnosis?.ComputedAt ?? DateTimeOffset.MinValue) < time.GetUtcNow() - DiagnosisFreshFor
            && await RediagnoseAsync(detail.Case, ct)
            && await desk.DetailAsync(id, ct) is { } refreshed)
        {
            // The packet is kept current: what a person reads is the customer's billing now, not when the case opened.
            detail = refreshed;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var staffId in detail.Case.Packet.Transcript.Select(l => l.From).Concat(detail.Events.Select(e => e.Actor))
                     .Where(a => a.StartsWith("human:", StringComparison.Ordinal)).Select(a => a["human:".Length..]).Distinct())
        {
            names[staffId] = (await staff.GetAsync(staffId, ct))?.Name ?? staffId;
        }

        var team = await staff.ListAsync(ct);
        foreach (var member in team)
        {
            names.TryAdd(member.Id, member.Name);
        }

        var dueAt = store.DueAt(detail.Case);
        var customerCases = await store.ListForCustomerAsync(detail.Case.CustomerId, ct);
        var (snapshot, billingError) = await BillingAsync(detail.Case, ct);
        var earlier = conversations is not null
            ? await conversations.ListAsync(detail.Case.CustomerId, CustomerTimeline.ConversationsShown, ct)
            : [];
        var question = $"{detail.Case.Reason} {detail.Case.Packet.Diagnosis?.Explanation}";
        return new CaseView(
            detail,
            snapshot,
            billingError,
            CustomerTimeline.Build(snapshot, customerCases, detail.Case.Id, earlier),
            customerCases.Where(c => c.Id != detail.Case.Id && c.Status == CaseStatus.Open).ToList(),
            team,
            detail.Events.Where(e => e.Kind == CaseEventKind.Note).ToList(),
            dueAt,
            detail.Case.State == CaseStatus.Open && dueAt < time.GetUtcNow(),
            await ApprovableAsync(detail.Case, ct),
            (await knowledge.SearchAsync(question, detail.Case.Packet.Diagnosis?.RootCause, 3, ct)).Select(h => h.Article).ToList(),
            names);
    }

    /// <summary>The improvement of article <paramref name="articleId"/> under review (<see cref="ArticleReview.Of"/>); null when there is no such article.</summary>
    public async Task<ArticleReview?> ReviewAsync(string articleId, string? resolution, string? body, bool first, int? baseVersion, CancellationToken ct) =>
        await knowledge.GetAsync(articleId, ct) is { } current ? ArticleReview.Of(current, resolution, body, first, baseVersion) : null;

    /// <summary>Diagnoses the case's customer again and puts the fresh diagnosis on the case (through the desk); false when it could not.</summary>
    public async Task<bool> RediagnoseAsync(Case item, CancellationToken ct)
    {
        if (diagnostics is null)
        {
            return false;
        }

        try
        {
            return await diagnostics.DiagnoseAsync(item.CustomerId, ct) is { } fresh && await desk.RefreshDiagnosisAsync(item.Id, fresh, ct) is not null;
        }
        catch (Stripe.StripeException e)
        {
            logger.LogWarning(e, "Could not refresh the diagnosis of case {Case}", item.Id);
            return false;
        }
    }

    private async Task<(BillingSnapshot? Snapshot, string? Error)> BillingAsync(Case item, CancellationToken ct)
    {
        try
        {
            return (await billing.ReadAsync(item.CustomerId, ct), null);
        }
        catch (Stripe.StripeException e)
        {
            logger.LogWarning(e, "Stripe did not answer for the case page of {Case}", item.Id);
            return (null, $"Stripe did not answer ({e.Message}); the billing history and actions are unavailable until it does.");
        }
    }

    private async Task<IReadOnlyList<Approvable>> ApprovableAsync(Case item, CancellationToken ct)
    {
        var refused = item.Packet.ActionsAttempted.Where(a => !a.Allowed && a.HumanCanGrant && a.AuditEntryId is not null).ToList();
        if (refused.Count == 0 || item.Status != CaseStatus.Open)
        {
            return [];
        }

        // The gate's typed record of each refusal holds the action as it was asked for: that is what a person approves.
        var records = await gateActions.FindByAuditEntriesAsync(refused.Select(o => o.AuditEntryId!.Value).ToList(), ct);
        var approvable = new List<Approvable>();
        foreach (var outcome in refused)
        {
            if (!records.TryGetValue(outcome.AuditEntryId!.Value, out var record) || record.CustomerId != item.CustomerId)
            {
                continue;
            }

            var action = record.Action switch
            {
                RefundCharge a => new ApprovedAction(WireName.Of(a.Type), a.ChargeId, null, null, a.Amount, null, a.Reason),
                RetryPayment a => new ApprovedAction(WireName.Of(a.Type), null, a.InvoiceId, null, null, null, null),
                CreditBalance a => new ApprovedAction(WireName.Of(a.Type), null, null, null, a.Amount, a.Currency, a.Reason),
                CancelSubscription a => new ApprovedAction(WireName.Of(a.Type), null, null, a.SubscriptionId, null, null, null),
                _ => null,
            };
            if (action is not null && !approvable.Any(a => a.Action == action))
            {
                approvable.Add(new Approvable(action, outcome.Rule, outcome.Message));
            }
        }

        return approvable;
    }
}

/// <summary>The case page as it shows: the case with its packet and events, and what is read around it.</summary>
/// <param name="Billing">The customer's billing as Stripe has it now (null when Stripe did not answer: <paramref name="BillingError"/> says so).</param>
/// <param name="OtherOpenCases">The customer's other open cases: what this one may be merged into.</param>
/// <param name="Notes">Internal notes: the team's, on the timeline only.</param>
/// <param name="Approvable">Actions policy refused that a person may grant, with the parameters the gate recorded.</param>
internal sealed record CaseView(
    CaseDetail Detail,
    BillingSnapshot? Billing,
    string? BillingError,
    IReadOnlyList<TimelineItem> Timeline,
    IReadOnlyList<Case> OtherOpenCases,
    IReadOnlyList<StaffMember> Team,
    IReadOnlyList<CaseEvent> Notes,
    DateTimeOffset DueAt,
    bool Overdue,
    IReadOnlyList<Approvable> Approvable,
    IReadOnlyList<Article> RelatedArticles,
    IReadOnlyDictionary<string, string> StaffNames)
{
    public Case Case => Detail.Case;

    /// <summary>A timeline event's detail as a person reads it: names, not staff ids; states in words.</summary>
    public string? EventDetail(CaseEvent e) => e.Kind switch
    {
        CaseEventKind.Assigned => e.Detail is null ? "to nobody" : $"to {Who(e.Detail)}",
        CaseEventKind.StatusChanged when e.Detail is not null => CaseStatus.Label(e.Detail).ToLowerInvariant(),
        _ => e.Detail,
    };

    public string Who(string from) => from switch
    {
        "customer" => "Customer",
        LeeNames.Author or LeeNames.Actor => LeeNames.Display,
        _ when from.StartsWith("human:", StringComparison.Ordinal) => StaffNames.GetValueOrDefault(from["human:".Length..]) ?? from,
        _ => from,
    };
}

/// <summary>An action policy refused to automation, as a person may approve it.</summary>
internal sealed record Approvable(ApprovedAction Action, string Rule, string Message);

using Leeway.Agent;
using Leeway.Agent.Conversations;
using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Humans;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Prevent.Nudges;

namespace Leeway.SelfHeal;

/// <summary>
/// Reads what the Billing Health Meter shows a customer: the diagnosis and the billing it read, the page's words, the
/// one-click fixes, the nudges, the open case and what a person has, the one thread of chat and cases, the survey.
/// </summary>
internal sealed class MeterReading(
    IDiagnosisService diagnostics,
    IBillingReader billing,
    CaseDesk desk,
    INudgeStore nudges,
    IStaffDirectory staff,
    ClickLedger clicks,
    DashboardChat chat,
    ConversationStore conversations,
    ILogger<MeterReading> logger)
{
    /// <param name="acceptLanguage">The request's <c>Accept-Language</c>, for the page's words when Stripe names no locale.</param>
    /// <returns>Null when Stripe has no such customer.</returns>
    public async Task<MeterView?> LoadAsync(string customerId, string acceptLanguage, CancellationToken ct)
    {
        var nudgesTask = nudges.ListForCustomerAsync(customerId, ct);
        var casesTask = desk.ListForCustomerAsync(customerId, ct);
        var chatTask = chat.FindAsync(customerId, ct);
        var (diagnosis, snapshot) = await ReadAsync(customerId, ct);
        if (diagnosis is null)
        {
            return null;
        }

        var home = BillingHome.From(snapshot);
        var says = MeterSays.For(snapshot?.Customer.PreferredLocales, acceptLanguage, home.Currency);
        var status = diagnosis.Status is "green" or "amber" or "red" ? diagnosis.Status : "amber";
        if (status == "green" && home.Owed.Count > 0)
        {
            status = "amber";
        }

        // One nudge per reason: the newest says it; older ones of the same kind would say it again.
        var shown = (await nudgesTask).OrderByDescending(n => n.CreatedAt).DistinctBy(n => n.Reason).Take(5).ToList();
        var customerCases = await casesTask;
        var openCase = customerCases.FirstOrDefault(c => c.Status != CaseStatus.Closed);
        IReadOnlySet<ActionType> withAPerson = new HashSet<ActionType>();
        if (openCase is not null)
        {
            withAPerson = (await clicks.OutcomesAsync(customerId, openCase.CreatedAt.AddMinutes(-1), ct))
                .Where(o => !o.Allowed && o.HumanCanGrant)
                .Select(o => o.Action)
                .ToHashSet();
        }

        var conversation = await chatTask;
        IReadOnlyList<ConversationMessage> messages = conversation is null ? [] : await conversations.MessagesAsync(conversation.Id, ct);
        var thread = await ThreadAsync(customerCases, messages, says, ct);
        var showSurvey = false;
        if (conversation is not null && messages.Count > 0 && openCase is null)
        {
            // The one question comes once the problem is sorted: by Lee, or by the person who closed the case; not at a handoff.
            var sorted = conversation.State != ConversationState.Open
                && (conversation.State != ConversationState.Escalated
                    || (conversation.CaseId is { } handled && customerCases.Any(c => c.Id == handled && c.Status == CaseStatus.Closed)));
            showSurvey = sorted && !await clicks.AnyAsync(customerId, MeterChat.SurveyKind(conversation.Id), ct);
        }

        return new MeterView(
            diagnosis,
            says,
            home,
            status,
            OneClickFix.For(diagnosis, snapshot, says),
            snapshot?.Customer.Name,
            snapshot?.Customer.Email,
            shown,
            openCase,
            withAPerson,
            messages,
            thread,
            showSurvey);
    }

    /// <summary>The customer's diagnosis and, beside it, their billing (null when Stripe could not be read).</summary>
    public async Task<(Diagnosis? Diagnosis, BillingSnapshot? Billing)> ReadAsync(string customerId, CancellationToken ct)
    {
        var diagnosisTask = diagnostics.DiagnoseAsync(customerId, ct);
        BillingSnapshot? snapshot = null;
        try
        {
            snapshot = await billing.ReadAsync(customerId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The diagnosis reports Stripe being down as its own finding; the page only loses names and amounts.
            logger.LogWarning(e, "Billing read failed for the meter of {Customer}", customerId);
        }

        return (await diagnosisTask, snapshot);
    }

    /// <summary>The chat and every case's lines in one thread, each line once, oldest first.</summary>
    private async Task<IReadOnlyList<ThreadLine>> ThreadAsync(IReadOnlyList<Case> customerCases, IReadOnlyList<ConversationMessage> messages, MeterSays says, CancellationToken ct)
    {
        var lines = new List<ThreadLine>();
        var seen = new HashSet<(string, string, long)>();
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var line in customerCases.OrderBy(c => c.CreatedAt).SelectMany(c => c.Packet.Transcript))
        {
            await AddAsync(line.From, line.Text, line.At);
        }

        foreach (var message in messages)
        {
            await AddAsync(message.From, message.Text, message.At);
        }

        return lines.OrderBy(l => l.At).ToList();

        async Task AddAsync(string from, string text, DateTimeOffset at)
        {
            if (!seen.Add((from, text, at.ToUnixTimeSeconds())))
            {
                return;
            }

            if (from.StartsWith("human:", StringComparison.Ordinal))
            {
                var staffId = from["human:".Length..];
                if (!names.TryGetValue(staffId, out var name))
                {
                    name = (await staff.GetAsync(staffId, ct))?.Name;
                    names[staffId] = name;
                }

                lines.Add(new ThreadLine("human", name is null ? says.Text("Thread.Team") : says.Text("Thread.TeamMember", name), text, at));
            }
            else if (from == AgentLee.Customer)
            {
                lines.Add(new ThreadLine("customer", says.Text("Thread.You"), text, at));
            }
            else if (from == LeeNames.Author)
            {
                lines.Add(new ThreadLine(LeeNames.Author, LeeNames.Display, text, at));
            }
        }
    }
}

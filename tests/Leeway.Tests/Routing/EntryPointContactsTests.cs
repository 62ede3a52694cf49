using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Leeway.Identity;
using Leeway.Routing;
using Leeway.SelfHeal;
using Leeway.Storage;
using Leeway.Tests.Browser;

namespace Leeway.Tests.Routing;

/// <summary>
/// The product's entry points record their contacts: a chat with Lee through the chat API, a one-click fix and a
/// request for a person on the Billing Health Meter. Real sandbox, real product host, real HTTP; the contact log and
/// <c>/metrics</c> are read back.
/// </summary>
/// <remarks>
/// OpenTelemetry listens to every meter named "Leeway" in the process, whichever host created it, so the exact counts
/// read from <c>/metrics</c> hold only while no other host in this test process is counting: this class runs alone.
/// </remarks>
[Collection(nameof(ProcessWideMetrics))]
public sealed class EntryPointContactsTests
{
    [Fact]
    public async Task A_chat_that_escalates_is_one_contact_escalated_at_tier_3_with_its_case_its_replies_and_one_survey()
    {
        await using var world = await WebWorld.StartAsync(Customers.FailedPayment("ops_chat", "Cleo Chat"), Customers.Healthy("ops_other", "Otto Other"));
        using var http = Customer(world, "cus_ops_chat");
        var conversation = await StartAsync(http);

        var first = await SayAsync(http, conversation, "Why did my last payment fail?");
        var contact = (await world.Service<IContactLog>().FindByConversationAsync(conversation, default))!;
        Assert.Equal((ContactChannel.Chat, "cus_ops_chat", true), (contact.Channel, contact.CustomerId, contact.Authenticated));
        Assert.True(contact.Decision.Tier < Tier.Human, $"routed to {contact.Decision.Tier} by {contact.Decision.Rule}");
        Assert.True(contact.Decision.HumanReachable);
        Assert.Equal(first.GetProperty("state").GetString() == "open" ? null : first.GetProperty("state").GetString(), contact.Outcome);

        var handedOver = await SayAsync(http, conversation, "This is not helping. I want to talk to a human being, please.");
        Assert.Equal("escalated", handedOver.GetProperty("state").GetString());
        var caseId = handedOver.GetProperty("case_id").GetString();

        var escalated = (await world.Service<IContactLog>().FindByConversationAsync(conversation, default))!;
        Assert.Equal(contact.Id, escalated.Id);
        Assert.Equal((ContactOutcome.Escalated, (int?)Tier.Human, caseId), (escalated.Outcome, escalated.FinishedTier, escalated.CaseId));
        Assert.Equal(2, escalated.Replies);
        Assert.True(escalated.ReplyMillisecondsMax > 0);

        // The one-question survey, by conversation: once, by its owner only, 1 to 5.
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync($"/api/v1/conversations/{conversation}/survey", new { score = 9 })).StatusCode);
        using var other = Customer(world, "cus_ops_other");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/conversations/{conversation}/survey", new { score = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsJsonAsync($"/api/v1/conversations/{conversation}/survey", new { score = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsJsonAsync($"/api/v1/conversations/{conversation}/survey", new { score = 4 })).StatusCode);
        Assert.Equal(2, (await world.Service<IContactLog>().GetAsync(contact.Id, default))!.EffortScore);

        var metrics = await MetricsAsync(world);
        Assert.Contains(metrics, l => l.StartsWith("leeway_contacts_total{", StringComparison.Ordinal) && l.Contains("channel=\"chat\"", StringComparison.Ordinal));
        Assert.Contains(metrics, l => l.StartsWith("leeway_escalations_total{", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
        Assert.Contains(metrics, l => l.StartsWith("leeway_conversations_ended_total{", StringComparison.Ordinal) && l.Contains("outcome=\"escalated\"", StringComparison.Ordinal));
        Assert.Contains(metrics, l => l.StartsWith("leeway_reply_latency_milliseconds_count", StringComparison.Ordinal) && l.EndsWith(" 2", StringComparison.Ordinal));
        Assert.Contains(metrics, l => l.StartsWith("leeway_effort_score_count", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
        Assert.DoesNotContain(metrics, l => l.StartsWith("leeway_dead_ends_total", StringComparison.Ordinal) && !l.EndsWith(" 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_one_click_retry_on_the_meter_is_a_tier_1_contact_resolved_there_and_the_paid_invoice_a_recovery_by_the_dashboard()
    {
        await using var world = await WebWorld.StartAsync(Customers.FailedPayment("ops_fix", "Fay Fixer"));
        using var page = SignedIn(world, "cus_ops_fix");

        var meter = await page.PageAsync("/me");
        using var clicked = await page.SubmitAsync(meter, "data-fix=\"retry_payment\"");
        Assert.Equal(HttpStatusCode.Redirect, clicked.StatusCode);

        var contact = (await world.Service<IContactLog>().LatestForCustomerAsync("cus_ops_fix", ContactChannel.Dashboard, DateTimeOffset.MinValue, default))!;
        Assert.Equal((Tier.SelfHeal, "self_serve_fix", "retry_payment"), (contact.Decision.Tier, contact.Decision.Rule, contact.Intent));
        Assert.Equal((ContactOutcome.Resolved, (int?)Tier.SelfHeal, (string?)null), (contact.Outcome, contact.FinishedTier, contact.CaseId));

        // Stripe reports the invoice paid; the product's own records say the customer's click paid it.
        var recovered = await EventuallyAsync(() => world.Service<IContactLog>().RecoveriesAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, default), r => r.Count > 0);
        var recovery = Assert.Single(recovered);
        Assert.Equal(("dashboard", "usd", 4900L, 1L), (recovery.Via, recovery.Currency, recovery.Amount, recovery.Payments));

        var metrics = await MetricsAsync(world);
        Assert.Contains(metrics, l => l.StartsWith("leeway_contacts_total{", StringComparison.Ordinal) && l.Contains("channel=\"dashboard\"", StringComparison.Ordinal) && l.Contains("tier=\"self_heal\"", StringComparison.Ordinal));
        Assert.Contains(metrics, l => l.StartsWith("leeway_payments_recovered_total{", StringComparison.Ordinal) && l.Contains("via=\"dashboard\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Asking_for_a_person_on_the_meter_after_a_fix_that_did_not_work_escalates_that_contact_and_closing_the_case_settles_it()
    {
        // The retry is declined again: the fix did not fix it, so the customer asks for a person.
        var customer = Customers.FailedPayment("ops_help", "Hal Help");
        customer["payment_methods"]![0]!["on_charge"] = "decline:insufficient_funds";
        await using var world = await WebWorld.StartAsync(customer);
        using var page = SignedIn(world, "cus_ops_help");

        using (await page.SubmitAsync(await page.PageAsync("/me"), "data-fix=\"retry_payment\""))
        {
        }

        var tried = (await world.Service<IContactLog>().LatestForCustomerAsync("cus_ops_help", ContactChannel.Dashboard, DateTimeOffset.MinValue, default))!;
        Assert.Null(tried.Outcome);

        using (await page.SubmitAsync(await page.PageAsync("/me"), "?handler=Human", new Dictionary<string, string> { ["note"] = "Still failing, please help" }))
        {
        }

        var escalated = (await world.Service<IContactLog>().GetAsync(tried.Id, default))!;
        var opened = Assert.Single(await world.Service<Leeway.Humans.ICaseStore>().ListForCustomerAsync("cus_ops_help", default));
        Assert.Equal((ContactOutcome.Escalated, (int?)Tier.Human, opened.Id), (escalated.Outcome, escalated.FinishedTier, escalated.CaseId));
        Assert.Equal(Tier.SelfHeal, escalated.Decision.Tier);

        await world.Service<Leeway.Humans.ICaseStore>().CloseAsync(opened.Id, "staff_1", "Card topped up; retried by hand.", default);
        var closed = (await world.Service<IContactLog>().GetAsync(tried.Id, default))!;
        Assert.Equal((ContactOutcome.Resolved, (int?)Tier.Human), (closed.Outcome, closed.FinishedTier));
    }

    [Fact]
    public async Task A_chat_on_the_meter_is_a_dashboard_contact_and_its_one_question_survey_is_asked_once_after_the_outcome()
    {
        await using var world = await WebWorld.StartAsync(Customers.FailedPayment("ops_ask", "Ada Asks"));
        using var page = SignedIn(world, "cus_ops_ask");
        Assert.DoesNotContain("id=\"survey\"", await page.PageAsync("/me"), StringComparison.Ordinal);

        using (await page.SubmitAsync(await page.PageAsync("/me"), "?handler=Chat", new Dictionary<string, string> { ["text"] = "What plans do you offer and how is billing done?" }))
        {
        }

        var conversation = (await world.Service<DashboardChat>().FindAsync("cus_ops_ask", default))!;
        var contact = (await world.Service<IContactLog>().FindByConversationAsync(conversation.Id, default))!;
        Assert.Equal((ContactChannel.Dashboard, 1L), (contact.Channel, contact.Replies));
        Assert.NotEqual("open", conversation.State);
        Assert.Equal(conversation.State, contact.Outcome);

        var asked = await page.PageAsync("/me");
        Assert.Contains("<legend>One question: how easy was it to get this sorted?</legend>", asked, StringComparison.Ordinal);
        using var answered = await page.SubmitAsync(asked, "id=\"survey\"", new Dictionary<string, string> { ["score"] = "5" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        Assert.Equal(5, (await world.Service<IContactLog>().GetAsync(contact.Id, default))!.EffortScore);
        var after = await page.PageAsync(answered.Headers.Location!.OriginalString);
        Assert.Contains("Thank you for telling us", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"survey\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_contact_log_broken_the_chat_still_answers_and_escalates_and_the_one_click_fix_still_fixes()
    {
        await using var world = await WebWorld.StartAsync(Customers.FailedPayment("ops_broken", "Bo Broken"));
        await using (var connection = await world.Service<Database>().OpenAsync(default))
        {
            await connection.ExecuteAsync("DROP TABLE contacts");
        }

        using var http = Customer(world, "cus_ops_broken");
        var conversation = await StartAsync(http);
        var handedOver = await SayAsync(http, conversation, "I want to talk to a human being, please.");
        Assert.Equal("escalated", handedOver.GetProperty("state").GetString());
        Assert.NotNull(await world.Service<Leeway.Humans.ICaseStore>().GetAsync(handedOver.GetProperty("case_id").GetString()!, default));

        using var page = SignedIn(world, "cus_ops_broken");
        using var clicked = await page.SubmitAsync(await page.PageAsync("/me"), "data-fix=\"retry_payment\"");
        Assert.Equal(HttpStatusCode.Redirect, clicked.StatusCode);
        Assert.Equal("paid", (await world.StripeObjectAsync("in_ops_broken"))?["status"]?.GetValue<string>());
        Assert.Contains("$49.00", await page.PageAsync(clicked.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    private static HttpClient Customer(WebWorld world, string customerId)
    {
        var http = new HttpClient { BaseAddress = world.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", world.Service<CustomerTokens>().Issue(customerId));
        return http;
    }

    private static PageVisitor SignedIn(WebWorld world, string customerId)
    {
        var page = new PageVisitor(world.BaseUrl);
        page.SetCookie(CustomerCookieAuthenticationHandler.CookieName, Uri.EscapeDataString(world.Service<CustomerTokens>().Issue(customerId)));
        return page;
    }

    private static async Task<string> StartAsync(HttpClient http)
    {
        using var started = await http.PostAsJsonAsync("/api/v1/conversations", new { });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        using var body = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> SayAsync(HttpClient http, string conversation, string text)
    {
        using var response = await http.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        // The chat's reply keeps its shape: the contact log adds nothing to it.
        var reply = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(["conversation_id", "state", "reply", "links", "case_id", "turn"], reply.EnumerateObject().Select(p => p.Name));
        return reply;
    }

    private static async Task<IReadOnlyList<string>> MetricsAsync(WebWorld world)
    {
        using var http = new HttpClient { BaseAddress = world.BaseUrl };
        return (await http.GetStringAsync("/metrics")).Split('\n').Where(l => !l.StartsWith('#')).ToList();
    }

    /// <summary>Webhooks reach the product in the background: waits (up to 20 s) until <paramref name="done"/> holds.</summary>
    internal static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}

/// <summary>Tests that assert exact counts on the process-wide OpenTelemetry meters run after the parallel ones, alone.</summary>
[CollectionDefinition(nameof(ProcessWideMetrics), DisableParallelization = true)]
public sealed class ProcessWideMetrics;

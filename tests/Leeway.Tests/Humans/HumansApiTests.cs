using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leeway.Diagnostics;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Knowledge;
using Leeway.Storage;
using Microsoft.Extensions.Hosting;

namespace Leeway.Tests.Humans;

public sealed class HumansApiTests
{
    private const string StaffPassword = "a long demo password";

    private static readonly Dictionary<string, string?> OneStaffMember = new()
    {
        ["Humans:Staff:0:Email"] = "Lead@Example.com",
        ["Humans:Staff:0:Name"] = "Lena Lead",
        ["Humans:Staff:0:Password"] = StaffPassword,
        ["Humans:Staff:0:Role"] = "lead",
    };

    [Fact]
    public async Task A_customer_sees_their_own_cases_and_another_customers_case_is_not_found()
    {
        await using var host = await LeewayTestHost.StartAsync();
        var cases = host.Get<ICaseStore>();
        var mine = await cases.OpenAsync("cus_a", "refund_over_cap", "agent", "normal", CaseWorld.Packet("conv_a"), CancellationToken.None);
        var theirs = await cases.OpenAsync("cus_b", "dispute_open", "tier0", "high", CaseWorld.Packet("conv_b"), CancellationToken.None);
        using var customer = host.Customer("cus_a");

        var list = await customer.GetFromJsonAsync<JsonElement>("/api/v1/me/cases");
        var own = await customer.GetAsync($"/api/v1/me/cases/{mine.Id}");
        var other = await customer.GetAsync($"/api/v1/me/cases/{theirs.Id}");
        var missing = await customer.GetAsync("/api/v1/me/cases/case_missing");

        Assert.Equal([mine.Id], list.EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(await WithoutTraceIdAsync(missing), await WithoutTraceIdAsync(other));
        var body = await own.Content.ReadAsStringAsync();
        Assert.DoesNotContain("risk", body, StringComparison.Ordinal);
        Assert.DoesNotContain("refund_auto_max", body, StringComparison.Ordinal);
        Assert.DoesNotContain(mine.Packet.Summary, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staff_api_is_for_the_service_credential_only()
    {
        await using var host = await LeewayTestHost.StartAsync();
        using var anonymous = host.Anonymous();
        using var customer = host.Customer("cus_a");
        using var staff = host.Staff();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/v1/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/v1/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/me/cases")).StatusCode);
    }

    [Fact]
    public async Task Staff_seeded_from_configuration_can_sign_in_and_reseeding_keeps_the_account()
    {
        await using var host = await LeewayTestHost.StartAsync(OneStaffMember);
        var directory = host.Get<IStaffDirectory>();

        var member = await directory.VerifyAsync("lead@example.com", StaffPassword, CancellationToken.None);
        await host.Get<IEnumerable<IHostedService>>().OfType<StaffSeeder>().Single().StartAsync(CancellationToken.None);

        Assert.NotNull(member);
        Assert.Equal(("Lena Lead", StaffRoles.Lead), (member.Name, member.Role));
        Assert.Equal([member.Id], (await directory.ListAsync(CancellationToken.None)).Select(s => s.Id).ToArray());
    }

    [Fact]
    public async Task A_bad_staff_seed_stops_the_host_naming_the_key()
    {
        var settings = new Dictionary<string, string?>(OneStaffMember) { ["Humans:Staff:0:Password"] = "short" };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => LeewayTestHost.StartAsync(settings));

        Assert.Contains("Humans:Staff:0:Password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short", error.Message.Replace("Humans:Staff:0:Password", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_reply_lands_in_the_transcript_and_the_customer_sees_it_with_the_name()
    {
        await using var host = await LeewayTestHost.StartAsync(OneStaffMember);
        var lead = (await host.Get<IStaffDirectory>().FindByEmailAsync("lead@example.com", CancellationToken.None))!;
        var opened = await host.Get<ICaseStore>().OpenAsync("cus_a", "refund_over_cap", "agent", "normal", CaseWorld.Packet("conv_a"), CancellationToken.None);
        using var staff = host.Staff();
        using var customer = host.Customer("cus_a");

        var reply = await staff.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/replies", new { staff_id = lead.Id, text = "I have refunded the usage charge." });
        var detail = await reply.Content.ReadFromJsonAsync<JsonElement>();
        var seen = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/me/cases/{opened.Id}");

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var last = detail.GetProperty("case").GetProperty("packet").GetProperty("transcript").EnumerateArray().Last();
        Assert.Equal($"human:{lead.Id}", last.GetProperty("from").GetString());
        Assert.Contains(detail.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "message" && e.GetProperty("actor").GetString() == $"human:{lead.Id}");
        var message = seen.GetProperty("messages").EnumerateArray().Last();
        Assert.Equal(("staff", "Lena Lead", "I have refunded the usage charge."), (message.GetProperty("from").GetString(), message.GetProperty("name").GetString(), message.GetProperty("text").GetString()));
        Assert.DoesNotContain(lead.Id, seen.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replies_and_closes_name_the_bad_field()
    {
        await using var host = await LeewayTestHost.StartAsync(OneStaffMember);
        var lead = (await host.Get<IStaffDirectory>().FindByEmailAsync("lead@example.com", CancellationToken.None))!;
        var opened = await host.Get<ICaseStore>().OpenAsync("cus_a", "refund_over_cap", "agent", "normal", CaseWorld.Packet("conv_a"), CancellationToken.None);
        using var staff = host.Staff();

        var noText = await staff.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/replies", new { staff_id = lead.Id, text = " " });
        var unknownStaff = await staff.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/close", new { staff_id = "stf_nobody", resolution = "Done" });
        var badCause = await staff.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/close", new { staff_id = lead.Id, resolution = "Done", article = new { title = "T", root_causes = new[] { "bogus" } } });
        var missingCase = await staff.PostAsJsonAsync("/api/v1/cases/case_missing/close", new { staff_id = lead.Id, resolution = "Done" });

        Assert.Equal(HttpStatusCode.BadRequest, noText.StatusCode);
        Assert.Contains("\"text\"", await noText.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownStaff.StatusCode);
        Assert.Contains("stf_nobody", await unknownStaff.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badCause.StatusCode);
        Assert.Contains("bogus", await badCause.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missingCase.StatusCode);
        Assert.Equal(CaseStatus.Open, (await host.Get<ICaseStore>().GetAsync(opened.Id, CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Closing_with_an_article_makes_knowledge_the_next_search_finds(string kind)
    {
        await using var host = await LeewayTestHost.StartAsync(OneStaffMember, kind);
        var lead = (await host.Get<IStaffDirectory>().FindByEmailAsync("lead@example.com", CancellationToken.None))!;
        var opened = await host.Get<ICaseStore>().OpenAsync("cus_a", "refund_over_cap", "agent", "normal", CaseWorld.Packet("conv_a"), CancellationToken.None);
        using var staff = host.Staff();
        using var customer = host.Customer("cus_b");
        const string question = "my nightly webhook replay job hammered the API";
        var before = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/search?q={Uri.EscapeDataString(question)}");

        var close = await staff.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/close", new
        {
            staff_id = lead.Id,
            resolution = "A webhook replay job looped all night; refunded the spike after review.",
            article = new
            {
                title = "A webhook replay job made usage jump",
                body = "If a nightly webhook replay job loops, it can hammer the API and multiply usage. Stop the job, then ask for a review of the usage charge.",
            },
        });
        var closed = await close.Content.ReadFromJsonAsync<JsonElement>();
        var articleId = closed.GetProperty("article").GetProperty("id").GetString()!;
        var after = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/search?q={Uri.EscapeDataString(question)}");
        var again = await staff.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/close", new { staff_id = lead.Id, resolution = "Twice" });

        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.NotEqual(articleId, before.GetProperty("hits").EnumerateArray().FirstOrDefault().ValueKind == JsonValueKind.Object ? before.GetProperty("hits")[0].GetProperty("id").GetString() : null);
        var top = after.GetProperty("hits")[0];
        Assert.Equal(articleId, top.GetProperty("id").GetString());
        Assert.Contains("webhook replay job", top.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Equal([WireName.Of(RootCause.UsageSpike)], closed.GetProperty("article").GetProperty("root_causes").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var detail = closed.GetProperty("case");
        Assert.Equal(articleId, detail.GetProperty("article_id").GetString());
        Assert.Equal(lead.Id, detail.GetProperty("closed_by").GetString());
        Assert.Equal("closed", detail.GetProperty("case").GetProperty("status").GetString());
        Assert.Contains(detail.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "article_created" && e.GetProperty("detail").GetString() == articleId);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var owner = host.Customer("cus_a");
        var seenByOwner = await owner.GetStringAsync($"/api/v1/me/cases/{opened.Id}");
        Assert.Contains("\"status\":\"closed\"", seenByOwner, StringComparison.Ordinal);
        Assert.DoesNotContain("looped all night", seenByOwner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_with_improve_article_id_writes_a_new_version_of_that_article()
    {
        await using var host = await LeewayTestHost.StartAsync(OneStaffMember);
        var lead = (await host.Get<IStaffDirectory>().FindByEmailAsync("lead@example.com", CancellationToken.None))!;
        var opened = await host.Get<ICaseStore>().OpenAsync("cus_a", "refund_question", "agent", "normal", CaseWorld.Packet("conv_a"), CancellationToken.None);
        var original = (await host.Get<IKnowledgeBase>().GetAsync("kb_refunds", CancellationToken.None))!;
        using var staff = host.Staff();

        var close = await staff.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/close", new
        {
            staff_id = lead.Id,
            resolution = "Explained that refunds to a closed card are returned by the bank.",
            improve_article_id = "kb_refunds",
            article = new { body = original.Body + "\n\nIf the card was closed, your bank still receives the refund and passes it on to you." },
        });
        var improved = (await close.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("article");
        var hits = await host.Get<IKnowledgeBase>().SearchAsync("refund to a closed card", null, 3, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.Equal(("kb_refunds", original.Version + 1, original.Title), (improved.GetProperty("id").GetString(), improved.GetProperty("version").GetInt32(), improved.GetProperty("title").GetString()));
        Assert.Equal(original.RootCauses, improved.GetProperty("root_causes").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var hit = Assert.Single(hits, h => h.Article.Id == "kb_refunds");
        Assert.Contains("card was closed", hit.Article.Body, StringComparison.Ordinal);
        var versions = await staff.GetFromJsonAsync<JsonElement>("/api/v1/knowledge/articles/kb_refunds/versions");
        Assert.Equal(["seed", $"human:{lead.Id}"], versions.EnumerateArray().Select(v => v.GetProperty("author").GetString()!).ToArray());
    }

    [Fact]
    public async Task Improving_an_article_with_an_empty_or_mostly_replacing_text_is_refused_and_leaves_the_article_and_case_as_they_were()
    {
        await using var host = await LeewayTestHost.StartAsync(OneStaffMember);
        var lead = (await host.Get<IStaffDirectory>().FindByEmailAsync("lead@example.com", CancellationToken.None))!;
        var opened = await host.Get<ICaseStore>().OpenAsync("cus_a", "refund_question", "agent", "normal", CaseWorld.Packet("conv_a"), CancellationToken.None);
        var original = (await host.Get<IKnowledgeBase>().GetAsync("kb_refunds", CancellationToken.None))!;
        const string Resolution = "Refunded the duplicate charge.";
        using var staff = host.Staff();

        Task<HttpResponseMessage> CloseAsync(object? article) =>
            staff.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/close", new { staff_id = lead.Id, resolution = Resolution, improve_article_id = "kb_refunds", article });

        var empty = await CloseAsync(new { body = "  " });
        var missing = await CloseAsync(new { title = "Refunds" });
        var oneLine = await CloseAsync(new { body = Resolution });
        var unchanged = await CloseAsync(new { body = original.Body });
        var stale = await CloseAsync(new { body = original.Body + "\n\nOne more line.", base_version = original.Version - 1 });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("empty text would replace the article", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oneLine.StatusCode);
        Assert.Contains("article.replace", await oneLine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var after = (await host.Get<IKnowledgeBase>().GetAsync("kb_refunds", CancellationToken.None))!;
        Assert.Equal((original.Version, original.Body), (after.Version, after.Body));
        Assert.Equal(CaseStatus.Open, (await host.Get<ICaseStore>().GetAsync(opened.Id, CancellationToken.None))!.Status);

        var deliberate = await CloseAsync(new { body = Resolution, replace = true, base_version = original.Version });
        Assert.Equal(HttpStatusCode.OK, deliberate.StatusCode);
        Assert.Equal(Resolution, (await host.Get<IKnowledgeBase>().GetAsync("kb_refunds", CancellationToken.None))!.Body);
    }

    [Fact]
    public void An_article_change_shows_added_and_removed_words_and_spots_a_replacement()
    {
        var appended = ArticleChange.Compare("Refunds take 5-10 days.\nAsk your bank.", "Refunds take 5-10 days.\nAsk your bank first.\nClosed cards still get them.");
        var replaced = ArticleChange.Compare("Refunds take 5-10 days to reach the card. Ask your bank for the reference.", "Refunded the duplicate.");
        var reflowed = ArticleChange.Compare("Refunds take\n5-10 days.", "Refunds take 5-10 days.");

        Assert.Equal((1, 7), (appended.RemovedWords, appended.AddedWords));
        Assert.Equal("bank first.\nClosed cards still get them.", string.Concat(appended.Segments.Where(s => s.Kind == ArticleChangeKind.Added).Select(s => s.Text)));
        Assert.Contains(appended.Segments, s => s.Kind == ArticleChangeKind.Removed && s.Text == "bank.");
        Assert.False(appended.ReplacesMost);
        Assert.True(replaced.ReplacesMost);
        Assert.True(reflowed.Unchanged);
    }

    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, JsonElement>>();
        problem!.Remove("traceId");
        return JsonSerializer.Serialize(problem);
    }

    [Fact]
    public async Task The_queue_lists_open_cases_riskiest_due_first()
    {
        await using var host = await LeewayTestHost.StartAsync();
        var cases = host.Get<ICaseStore>();
        var normal = await cases.OpenAsync("cus_a", "question", "agent", "normal", CaseWorld.Packet("conv_1"), CancellationToken.None);
        var high = await cases.OpenAsync("cus_b", "dispute_open", "tier0", "high", CaseWorld.Packet("conv_2"), CancellationToken.None);
        using var staff = host.Staff();

        var queue = await staff.GetFromJsonAsync<JsonElement>("/api/v1/cases");
        var detail = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{normal.Id}");

        Assert.Equal([high.Id, normal.Id], queue.EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray());
        Assert.Equal("refund_auto_max", detail.GetProperty("case").GetProperty("packet").GetProperty("actions")[0].GetProperty("rule").GetString());
        Assert.Equal(WireName.Of(RootCause.UsageSpike), detail.GetProperty("case").GetProperty("packet").GetProperty("diagnosis").GetProperty("root_cause").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/v1/cases/case_missing")).StatusCode);
    }
}

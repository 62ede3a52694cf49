using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leeway.Tests.Humans;

namespace Leeway.Tests.Knowledge;

public sealed class KnowledgeApiTests
{
    [Fact]
    public async Task Customers_and_staff_search_with_snippets_and_strangers_cannot()
    {
        await using var host = await LeewayTestHost.StartAsync();
        using var customer = host.Customer("cus_a");
        using var staff = host.Staff();
        using var anonymous = host.Anonymous();

        var found = await customer.GetFromJsonAsync<JsonElement>("/api/v1/knowledge/search?q=how%20long%20does%20a%20refund%20take&limit=3");
        var byStaff = await staff.GetAsync("/api/v1/knowledge/search?q=refund");
        var stranger = await anonymous.GetAsync("/api/v1/knowledge/search?q=refund");

        var hits = found.GetProperty("hits").EnumerateArray().ToList();
        Assert.InRange(hits.Count, 1, 3);
        var refunds = Assert.Single(hits, h => h.GetProperty("id").GetString() == "kb_refunds");
        Assert.Contains("5 to 10 business days", refunds.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.True(refunds.GetProperty("score").GetSingle() > 0);
        Assert.Equal("How refunds work and how long they take", refunds.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, byStaff.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
    }

    [Fact]
    public async Task The_root_cause_filter_and_bad_input_are_answered_precisely()
    {
        await using var host = await LeewayTestHost.StartAsync();
        using var customer = host.Customer("cus_a");

        var byCause = await customer.GetFromJsonAsync<JsonElement>("/api/v1/knowledge/search?root_cause=payment_link_expired");
        var badCause = await customer.GetAsync("/api/v1/knowledge/search?q=refund&root_cause=bogus_cause");
        var nothing = await customer.GetAsync("/api/v1/knowledge/search");
        var badLimit = await customer.GetAsync("/api/v1/knowledge/search?q=refund&limit=500");
        var injection = await customer.GetAsync("/api/v1/knowledge/search?q=" + Uri.EscapeDataString("title:* OR \" AND NOT"));

        Assert.Equal("kb_payment_link_expired", byCause.GetProperty("hits")[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badCause.StatusCode);
        Assert.Contains("bogus_cause", await badCause.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, injection.StatusCode);
    }

    [Fact]
    public async Task An_article_is_read_by_id_and_its_history_is_for_staff()
    {
        await using var host = await LeewayTestHost.StartAsync();
        using var customer = host.Customer("cus_a");
        using var staff = host.Staff();

        var article = await customer.GetFromJsonAsync<JsonElement>("/api/v1/knowledge/articles/kb_duplicate_charge");
        var missing = await customer.GetAsync("/api/v1/knowledge/articles/kb_nope");
        var historyForCustomer = await customer.GetAsync("/api/v1/knowledge/articles/kb_duplicate_charge/versions");
        var history = await staff.GetFromJsonAsync<JsonElement>("/api/v1/knowledge/articles/kb_duplicate_charge/versions");

        Assert.Equal(("kb_duplicate_charge", 1), (article.GetProperty("id").GetString(), article.GetProperty("version").GetInt32()));
        Assert.Equal(["duplicate_charge"], article.GetProperty("root_causes").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, historyForCustomer.StatusCode);
        Assert.Equal("seed", Assert.Single(history.EnumerateArray()).GetProperty("author").GetString());
    }
}

using System.Net;
using Stripe;

namespace Leeway.StripeSandbox.Tests.Conformance;

public sealed class ListTests
{
    [Fact]
    public async Task Lists_page_newest_first_with_limit_cursors_and_auto_paging_past_one_hundred()
    {
        await using var world = await TestWorld.StartAsync();
        var customers = world.Stripe.V1.Customers;
        var ids = new List<string>();
        for (var i = 0; i < 230; i++)
        {
            ids.Add((await customers.CreateAsync(new CustomerCreateOptions { Email = $"c{i}@example.com" })).Id);
        }

        ids.Reverse();
        var first = await customers.ListAsync(new CustomerListOptions());
        Assert.Equal(10, first.Data.Count);
        Assert.True(first.HasMore);
        Assert.Equal("/v1/customers", first.Url);
        Assert.Equal(ids.Take(10), first.Data.Select(c => c.Id));

        var second = await customers.ListAsync(new CustomerListOptions { Limit = 100, StartingAfter = first.Data[^1].Id });
        Assert.Equal(ids.Skip(10).Take(100), second.Data.Select(c => c.Id));

        var before = await customers.ListAsync(new CustomerListOptions { Limit = 5, EndingBefore = ids[20] });
        Assert.Equal(ids.Skip(15).Take(5), before.Data.Select(c => c.Id));
        Assert.True(before.HasMore);

        var last = await customers.ListAsync(new CustomerListOptions { Limit = 100, StartingAfter = ids[200] });
        Assert.Equal(29, last.Data.Count);
        Assert.False(last.HasMore);

        var all = new List<string>();
        await foreach (var c in customers.ListAutoPagingAsync(new CustomerListOptions { Limit = 100 }))
        {
            all.Add(c.Id);
        }

        Assert.Equal(ids, all);

        var e = await Assert.ThrowsAsync<StripeException>(() => customers.ListAsync(new CustomerListOptions { Limit = 101 }));
        Assert.Equal(HttpStatusCode.BadRequest, e.HttpStatusCode);
        Assert.Equal("limit", e.StripeError.Param);
    }

    [Fact]
    public async Task Missing_api_key_is_401_and_unknown_urls_are_404()
    {
        await using var world = await TestWorld.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = world.Host.BaseUrl };
        using var response = await anonymous.GetAsync("/v1/customers");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"invalid_request_error\"", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.Contains("Request-Id"));

        var e = await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Quotes.GetAsync("qt_1"));
        Assert.Equal(HttpStatusCode.NotFound, e.HttpStatusCode);
        Assert.Equal("invalid_request_error", e.StripeError.Type);
    }
}

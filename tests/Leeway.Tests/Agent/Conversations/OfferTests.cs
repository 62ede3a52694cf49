using System.Net.Http.Json;
using System.Text.Json;
using Leeway.Agent.Conversations;
using Leeway.Eval;
using Leeway.Storage;
using Leeway.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Agent.Conversations;

/// <summary>
/// Lee's offers have one type and one stored form: what conversations stored before the type existed reads back as the
/// same offers, and a stored part that names no offer is left out with its reason, never failing the conversation.
/// </summary>
public sealed class OfferTests
{
    [Theory]
    [InlineData("retry:in_1Nv7", nameof(OfferKind.Retry), "in_1Nv7")]
    [InlineData("refund:ch_3Ab", nameof(OfferKind.Refund), "ch_3Ab")]
    [InlineData("cancel:sub_9", nameof(OfferKind.Cancel), "sub_9")]
    [InlineData("credit", nameof(OfferKind.Credit), null)]
    [InlineData("person", nameof(OfferKind.Person), null)]
    public void A_stored_offer_of_every_kind_reads_back_as_itself(string stored, string kind, string? objectId)
    {
        Assert.True(Offer.TryParse(stored, out var offer, out var why), why);

        Assert.Equal(Enum.Parse<OfferKind>(kind), offer.Kind);
        Assert.Equal(objectId, offer.ObjectId);
        Assert.Equal(stored, offer.Format());
    }

    [Fact]
    public void The_stored_form_is_the_one_conversations_already_keep()
    {
        Offer[] offers = [Offer.Retry("in_1"), Offer.Refund("ch_2"), Offer.Cancel("sub_3"), Offer.Credit, Offer.Person];

        var stored = Offer.FormatAll(offers);

        Assert.Equal("retry:in_1;refund:ch_2;cancel:sub_3;credit;person", stored);
        Assert.Equal(offers, Offer.ParseAll(stored, out var unreadable));
        Assert.Empty(unreadable);
    }

    [Fact]
    public void No_offers_store_nothing_and_nothing_reads_as_no_offers()
    {
        Assert.Null(Offer.FormatAll([]));
        Assert.Empty(Offer.ParseAll(null, out var none));
        Assert.Empty(none);
        Assert.Empty(Offer.ParseAll("", out var empty));
        Assert.Empty(empty);
    }

    [Theory]
    [InlineData("upgrade:sub_1", "'upgrade' is none of retry, refund, cancel, credit, person")]
    [InlineData("Retry:in_1", "'Retry' is none of")]
    [InlineData("retry", "a retry offer names the object it is about")]
    [InlineData("refund:", "a refund offer names the object it is about")]
    [InlineData("person:cus_1", "a person offer names no object")]
    [InlineData("cancel:sub 1", "'sub 1' is not an object id")]
    [InlineData("refund:ch_1:ch_2", "'ch_1:ch_2' is not an object id")]
    public void A_stored_part_that_is_no_offer_is_left_out_with_the_reason(string bad, string reason)
    {
        Assert.False(Offer.TryParse(bad, out var offer, out var why));
        Assert.Null(offer);
        Assert.Contains(reason, why, StringComparison.Ordinal);

        // Among good ones, only the bad part is left out, in order.
        var offers = Offer.ParseAll($"retry:in_1;{bad};person", out var unreadable);
        Assert.Equal([Offer.Retry("in_1"), Offer.Person], offers);
        Assert.Equal([why], unreadable);
    }

    [Fact]
    public void Offers_are_equal_by_kind_and_object()
    {
        Assert.Equal(Offer.Refund("ch_1"), Offer.Refund("ch_1"));
        Assert.NotEqual(Offer.Refund("ch_1"), Offer.Refund("ch_2"));
        Assert.NotEqual(Offer.Refund("ch_1"), Offer.Retry("ch_1"));
        Assert.True(Offer.Retry("in_1").Is(OfferKind.Retry, "in_1"));
        Assert.False(Offer.Retry("in_1").Is(OfferKind.Retry, "in_2"));
        Assert.True(Offer.Credit.Is(OfferKind.Credit, null));
    }

    [Fact]
    public void An_id_the_stored_form_could_not_hold_is_refused_when_the_offer_is_made()
    {
        Assert.Throws<ArgumentException>(() => Offer.Refund("ch_1;credit"));
        Assert.Throws<ArgumentException>(() => Offer.Retry(""));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_conversation_keeps_its_offers_and_loads_despite_one_it_cannot_read(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var app = LeewayApp.Build([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:ConnectionString"] = database.ConnectionString,
            ["Storage:DataDirectory"] = database.Directory,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await app.StartAsync();
        try
        {
            var conversations = app.Services.GetRequiredService<ConversationStore>();
            var conversation = await conversations.StartAsync("cus_a", "chat", default);
            Assert.Empty(conversation.PendingOffers);

            await conversations.UpdateAsync(conversation with { PendingOffers = [Offer.Refund("ch_2"), Offer.Person] }, default);
            Assert.Equal([Offer.Refund("ch_2"), Offer.Person], (await conversations.GetAsync(conversation.Id, "cus_a", default))!.PendingOffers);
            Assert.Equal("refund:ch_2;person", await StoredAsync(app.Services, conversation.Id));

            // What an older or a broken writer may have left: the readable offers stay, the rest is left out.
            await StoreAsync(app.Services, conversation.Id, "retry:in_1;upgrade:sub_1;retry");
            var loaded = await conversations.GetAsync(conversation.Id, "cus_a", default);
            Assert.Equal([Offer.Retry("in_1")], loaded!.PendingOffers);

            await conversations.UpdateAsync(loaded with { PendingOffers = [] }, default);
            Assert.Null(await StoredAsync(app.Services, conversation.Id));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_yes_to_what_an_older_version_stored_acts_on_the_offer_it_can_read_and_passes_over_the_rest()
    {
        await using var world = await ScenarioWorld.StartAsync(
            ScenarioLoader.Load(Path.Combine(SharedFiles.DevScenarios, "dev-04-duplicate-charge-refund.json")), CancellationToken.None);
        world.SignInAs("cus_cleo");
        var started = await world.ProductHttp.PostAsJsonAsync("/api/v1/conversations", new { channel = "chat" });
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // Lee offered the duplicate's refund (as stored before offers were typed), beside a part no version of Lee reads.
        await StoreAsync(world.Product.Services, id, "refund:ch_cleo_2;upgrade:sub_cleo");
        var sent = await world.ProductHttp.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text = "Yes please" });

        sent.EnsureSuccessStatusCode();
        Assert.True((await world.Admin.ObjectAsync("ch_cleo_2", CancellationToken.None))!["amount_refunded"]!.GetValue<long>() > 0);
        Assert.Null(await StoredAsync(world.Product.Services, id));
    }

    private static async Task StoreAsync(IServiceProvider services, string conversationId, string stored)
    {
        await using var connection = await services.GetRequiredService<Database>().OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE conversations SET pending_offer = '{stored}' WHERE id = '{conversationId}'";
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task<string?> StoredAsync(IServiceProvider services, string conversationId)
    {
        await using var connection = await services.GetRequiredService<Database>().OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT pending_offer FROM conversations WHERE id = '{conversationId}'";
        return await command.ExecuteScalarAsync() as string;
    }
}

using Leeway.Diagnostics;
using Leeway.Knowledge;
using Leeway.Storage;

namespace Leeway.Tests.Knowledge;

public sealed class KnowledgeBaseTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Improving_an_article_bumps_its_version_keeps_the_old_one_and_the_next_search_finds_the_new_text(string kind)
    {
        await using var world = await KnowledgeWorld.StartAsync(kind);
        var before = await world.Knowledge.GetAsync("kb_refunds", CancellationToken.None);
        Assert.NotNull(before);
        Assert.Empty(await world.TopIdsAsync("zanzibar quokka remittance"));

        world.Time.Advance(TimeSpan.FromHours(1));
        var improved = await world.Knowledge.UpsertAsync(
            "kb_refunds", before.Title, before.Body + "\n\nPaid by Zanzibar quokka remittance? The refund goes back the same way.", before.RootCauses, "human:stf_1", CancellationToken.None);

        Assert.Equal(before.Version + 1, improved.Version);
        Assert.Equal(world.Time.GetUtcNow(), improved.UpdatedAt);
        Assert.Equal("kb_refunds", (await world.TopIdsAsync("zanzibar quokka remittance"))[0]);
        var versions = await world.Knowledge.VersionsAsync("kb_refunds", CancellationToken.None);
        Assert.Equal([1, 2], versions.Select(v => v.Version).ToArray());
        Assert.Equal(before.Body, versions[0].Body);
        Assert.Equal("human:stf_1", versions[1].Author);
    }

    [Fact]
    public async Task Upserting_without_an_id_creates_version_one_with_a_new_id()
    {
        await using var world = await KnowledgeWorld.StartAsync();

        var created = await world.Knowledge.UpsertAsync(
            null, "Paying in a currency other than the invoice's", "Your bank converts the amount; the invoice currency never changes.", [WireName.Of(RootCause.None)], "human:stf_1", CancellationToken.None);

        Assert.StartsWith("kb_", created.Id, StringComparison.Ordinal);
        Assert.Equal(1, created.Version);
        var read = await world.Knowledge.GetAsync(created.Id, CancellationToken.None);
        Assert.Equal((created.Title, created.Body, 1), (read!.Title, read.Body, read.Version));
        Assert.Equal([WireName.Of(RootCause.None)], read.RootCauses);
        Assert.Contains(created.Id, await world.TopIdsAsync("which currency does my bank convert"));
    }

    [Theory]
    [InlineData("", "body", "title")]
    [InlineData("Title", "", "body")]
    public async Task An_article_without_a_title_or_body_is_refused(string title, string body, string parameter)
    {
        await using var world = await KnowledgeWorld.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => world.Knowledge.UpsertAsync(null, title, body, [], "human:stf_1", CancellationToken.None));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public async Task An_article_with_an_unknown_root_cause_is_refused_and_not_written()
    {
        await using var world = await KnowledgeWorld.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => world.Knowledge.UpsertAsync("kb_new", "T", "B", ["made_up"], "human:stf_1", CancellationToken.None));

        Assert.Null(await world.Knowledge.GetAsync("kb_new", CancellationToken.None));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Seeding_again_writes_nothing_and_never_overwrites_a_human_improvement(string kind)
    {
        await using var world = await KnowledgeWorld.StartAsync(kind);
        await world.Knowledge.UpsertAsync("kb_card_expired", "Expired card? Here is what to do", "Human-written text about expired cards.", [WireName.Of(RootCause.PaymentFailedCardExpired)], "human:stf_1", CancellationToken.None);

        await using var restarted = await world.RestartAsync();

        var improved = await restarted.Knowledge.GetAsync("kb_card_expired", CancellationToken.None);
        Assert.Equal(2, improved!.Version);
        Assert.Equal("Human-written text about expired cards.", improved.Body);
        var untouched = await restarted.Knowledge.GetAsync("kb_refunds", CancellationToken.None);
        Assert.Equal(1, untouched!.Version);
        Assert.Equal("kb_card_expired", (await restarted.TopIdsAsync("human-written expired cards"))[0]);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Concurrent_improvements_each_get_their_own_version(string kind)
    {
        await using var world = await KnowledgeWorld.StartAsync(kind);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            world.Knowledge.UpsertAsync("kb_refunds", "Refunds", $"Text {i}", [], "human:stf_1", CancellationToken.None))));

        var versions = await world.Knowledge.VersionsAsync("kb_refunds", CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 9).ToArray(), versions.Select(v => v.Version).ToArray());
        Assert.Equal(9, (await world.Knowledge.GetAsync("kb_refunds", CancellationToken.None))!.Version);
    }
}

using Leeway.Prevent;
using Microsoft.Extensions.Options;

namespace Leeway.Tests.Prevent;

/// <summary>Tier 0's configuration is checked at start, with messages that name the key.</summary>
public sealed class PreventOptionsTests : IDisposable
{
    private readonly TestFolder _folder = new();

    [Theory]
    [InlineData("Prevent:Smtp:From", "not a mailbox", "Prevent:Smtp:From")]
    [InlineData("Prevent:RetryBackoffDays:0", "0", "Prevent:RetryBackoffDays")]
    [InlineData("Prevent:SchedulerPeriodSeconds", "0", "SchedulerPeriodSeconds")]
    public async Task ABadValueFailsTheStartNamingTheKey(string key, string value, string named)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            PreventHost.StartAsync(_folder, PreventHost.NewClock(), PreventHost.NewSecret(), new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredBackoffDaysReplaceTheDefaultsRatherThanAddingToThem()
    {
        await using var host = await PreventHost.StartAsync(_folder, PreventHost.NewClock(), PreventHost.NewSecret(),
            new Dictionary<string, string?> { ["Prevent:RetryBackoffDays:0"] = "2", ["Prevent:RetryBackoffDays:1"] = "4" });

        Assert.Equal([2, 4], host.Service<IOptions<PreventOptions>>().Value.Backoff);
    }

    [Fact]
    public async Task WithoutConfigurationTheBackoffIsOneThreeFiveSevenDays()
    {
        await using var host = await PreventHost.StartAsync(_folder, PreventHost.NewClock(), PreventHost.NewSecret());

        Assert.Equal([1, 3, 5, 7], host.Service<IOptions<PreventOptions>>().Value.Backoff);
    }

    public void Dispose() => _folder.Dispose();
}

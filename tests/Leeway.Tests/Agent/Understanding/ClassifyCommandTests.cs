using System.Globalization;
using Leeway.Agent.Understanding;
using Leeway.Cli;

namespace Leeway.Tests.Agent.Understanding;

public sealed class ClassifyCommandTests
{
    [Fact]
    public async Task Prints_intent_tab_confidence_for_each_line_of_input()
    {
        var input = new StringReader(string.Join('\n',
            "I was charged twice for November",
            "can you retry",
            "Can I talk to a real person please?",
            "",
            "je voudrais cancel notre abonnement à la fin de la période"));
        var output = new StringWriter();

        await ClassifyCommand.RunAsync(input, output, new Understander(SharedIntentModel.Instance), CancellationToken.None);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        var parsed = lines.Select(l => l.Split('\t')).ToList();
        Assert.All(parsed, p =>
        {
            Assert.Equal(2, p.Length);
            Assert.Contains(p[0], Intent.All);
            Assert.Matches(@"^[01]\.\d\d$", p[1]);
            Assert.InRange(double.Parse(p[1], CultureInfo.InvariantCulture), 0, 1);
        });
        Assert.Equal(
            new[] { Intent.DuplicateCharge, Intent.RetryPayment, Intent.TalkToHuman, Intent.Other, Intent.CancelSubscription },
            parsed.Select(p => p[0]));
        Assert.Equal("1.00", parsed[2][1]);
    }
}

using Leeway.Eval;

namespace Leeway.Tests.Agent.Conversations;

/// <summary>
/// Harder conversations written for the decide step (scenarios/ beside this file, run as <c>leeway eval</c> runs any
/// file): hypotheticals, negations and withdrawals in six languages, offers and yeses, several problems in one message,
/// requests after a handoff, anger with an allowed request, thanks and "is everything ok now?", a named charge
/// already refunded, elevated risk, and replies without internal ids.
/// </summary>
public sealed class HarderConversationTests
{
    [Fact]
    public async Task Every_harder_conversation_passes()
    {
        var folder = Folder();
        var output = new StringWriter();
        var exit = await EvalRunner.RunAsync([folder], 2, 1, null, output, new StringWriter(), CancellationToken.None, transcripts: true);

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.True(text.Contains(" 0 failed", StringComparison.Ordinal), text);
    }

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Leeway.Tests", "Agent", "Conversations", "scenarios");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/Leeway.Tests/Agent/Conversations/scenarios was not found above " + AppContext.BaseDirectory);
    }
}

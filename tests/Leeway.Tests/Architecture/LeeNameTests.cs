using Leeway.Policy;

namespace Leeway.Tests.Architecture;

/// <summary>Lee is named in one place (<see cref="LeeNames"/>): its actor, author and source spellings are written nowhere else.</summary>
public sealed class LeeNameTests
{
    /// <summary>Where the same letters mean something else, and the only files that may write them.</summary>
    private static readonly Dictionary<string, string[]> Elsewhere = new(StringComparer.Ordinal)
    {
        [LeeNames.Actor] = [],
        // Customers write "lee" in their messages: the words Lee's understanding and the search skip.
        [LeeNames.Author] = ["Agent/Requests/ActWords.cs", "Knowledge/KnowledgeAnalyzers.cs", "Eval/EvalTranscript.cs"],
        // A person's role on the staff console, not Lee.
        [LeeNames.Source] = ["Identity/StaffRoles.cs"],
    };

    [Fact]
    public void Lee_is_spelled_only_in_its_own_home()
    {
        var strays = (
            from name in Elsewhere
            from file in ProductSource.Spelling(name.Key)
            where file != "Policy/LeeNames.cs" && !name.Value.Contains(file)
            select $"{file} \"{name.Key}\"").ToList();

        Assert.True(strays.Count == 0, $"Lee's names written outside LeeNames:\n{string.Join("\n", strays)}");
    }

    [Fact]
    public void Lee_keeps_the_spellings_already_persisted()
    {
        // The audit log is hash-chained and conversations, cases and the contact log are kept: entries already written
        // use these, and a new spelling would split Lee in two.
        Assert.Equal("agent-lee", Actor.AgentLee.Name);
        Assert.Equal("lee", LeeNames.Author);
        Assert.Equal("agent", LeeNames.Source);
    }
}

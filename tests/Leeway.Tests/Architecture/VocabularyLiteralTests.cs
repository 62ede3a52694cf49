using Leeway.Agent.Tools;
using Leeway.Agent.Understanding;
using Leeway.Diagnostics;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Policy.Rules;
using Leeway.SelfHeal;
using Leeway.Storage;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Leeway.Tests.Architecture;

/// <summary>
/// Each word of the domain has one home: root causes, recommended actions, gate actions, the meter's fixes and Lee's tools
/// are enums, spelled on the wire only through <see cref="WireName"/>. A string literal in the product equal to one of their
/// spellings is a second home (a switch the compiler cannot check, a comparison that silently misses a rename), so none may
/// exist outside the few constants of other vocabularies that share a spelling on purpose.
/// </summary>
public sealed class VocabularyLiteralTests
{
    /// <summary>
    /// Spellings other vocabularies share on purpose, with the only source files that may spell them. Their constants are
    /// inlined where used, so IL cannot tell them apart from a literal: for these the source is read instead.
    /// "none" is a word of many and is not checked.
    /// </summary>
    private static readonly Dictionary<string, string[]> SharedWords = new(StringComparer.Ordinal)
    {
        // Intents are named after what the customer wants, which is often an action (the classifier's labels).
        [Intent.RetryPayment] = ["Agent/Understanding/Intent.cs", "Prevent/Jobs/JobKinds.cs"],
        [Intent.UpdateCard] = ["Agent/Understanding/Intent.cs"],
        [Intent.CancelSubscription] = ["Agent/Understanding/Intent.cs"],
        [Intent.DuplicateCharge] = ["Agent/Understanding/Intent.cs"],
        [GateRules.DisputeOpen] = ["Policy/Rules/GateRules.cs"],
        // policy.yaml's key for how card-update links are made.
        ["card_update_link"] = ["Policy/Rules/PolicyKeys.cs"],
        // A finding's fact: the charge to refund.
        [FactKeys.RefundCharge] = ["Diagnostics/FactKeys.cs"],
        // Plain words: a Stripe object kind, a fact, words of a sentence (Lee's offers are an enum, Agent/Conversations/OfferKind).
        ["refund"] = ["Diagnostics/FactKeys.cs", "Eval/ScenarioLoader.cs", "Policy/Rules/PolicyRules.cs"],
        ["credit"] = ["Policy/Rules/PolicyRules.cs"],
        ["none"] = [],
    };

    private static IEnumerable<string> Vocabulary() =>
        WireName.All<RootCause>().Concat(WireName.All<RecommendedAction>()).Concat(WireName.All<ActionType>())
            .Concat(WireName.All<FixKind>()).Concat(WireName.All<LeeTool>()).Distinct();

    [Fact]
    public void No_product_code_spells_a_word_of_the_domain_as_a_literal()
    {
        var words = Vocabulary().Except(SharedWords.Keys).ToHashSet(StringComparer.Ordinal);

        var literals = LiteralsIn(words);

        Assert.True(literals.Count == 0, $"domain words spelled as literals:\n{string.Join("\n", literals)}");
    }

    [Fact]
    public void A_shared_spelling_is_written_only_where_its_own_vocabulary_lives()
    {
        var strays = (
            from word in SharedWords.Where(w => w.Key != "none")
            from file in ProductSource.Spelling(word.Key)
            where !word.Value.Contains(file) && file.EndsWith(".cs", StringComparison.Ordinal)
            select $"{file} \"{word.Key}\"").ToList();

        Assert.True(strays.Count == 0, $"shared spellings outside their vocabulary's file (use the enum and WireName):\n{string.Join("\n", strays)}");
    }

    [Fact]
    public void Every_shared_spelling_is_one_of_the_domain_words()
    {
        // A stale entry would hide nothing, but would let the list grow into a way around the rule.
        Assert.Empty(SharedWords.Keys.Except(Vocabulary()));
    }

    [Fact]
    public void The_check_sees_literals_in_product_code()
    {
        // The scenario format's own field names are literals in Eval: if none are seen, the rule above proves nothing.
        var seen = ProductIl.Types.SelectMany(t => t.Methods).Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions).Where(i => i.OpCode == OpCodes.Ldstr).Select(i => (string)i.Operand).ToHashSet();

        Assert.Contains("root_cause", seen);
        Assert.Contains("recommended_action", seen);
    }

    private static List<string> LiteralsIn(HashSet<string> words) => (
        from type in ProductIl.Types
        where IsProductCode(type)
        from method in type.Methods
        where method.HasBody
        from instruction in method.Body.Instructions
        where instruction.OpCode == OpCodes.Ldstr && instruction.Operand is string text && words.Contains(text)
        select $"{ProductIl.TopLevel(type).FullName}::{method.Name} \"{instruction.Operand}\"").Distinct().ToList();

    /// <summary>Types the compiler generates for a regular expression hold its pattern's text, not the product's words.</summary>
    private static bool IsProductCode(TypeReference type) =>
        ProductIl.TopLevel(type).Namespace.StartsWith("Leeway", StringComparison.Ordinal);
}

using Leeway.Agent.Understanding;
using Leeway.Diagnostics;
using Leeway.Policy;
using Leeway.Storage;
using Mono.Cecil.Cil;

namespace Leeway.Tests.Architecture;

/// <summary>
/// Each word of the domain has one home: a root cause is an enum, spelled on the wire only through <see cref="WireName"/>.
/// A string literal in the product equal to one of its spellings is a second home (a switch the compiler cannot check, a
/// comparison that silently misses a rename), so none may exist. (Recommended and gate actions are enums too, but the
/// meter's fix kinds, Lee's tool names, routing and eval still spell them: the next step of issue 13.)
/// </summary>
public sealed class VocabularyLiteralTests
{
    /// <summary>
    /// Spellings other vocabularies share on purpose: "none" is a word of many; an intent and a gate rule are named after
    /// the root cause they are about (<c>duplicate_charge</c>, <c>dispute_open</c>) but are not one. Their constants are
    /// inlined where used, so IL cannot tell them apart from a literal.
    /// </summary>
    private static readonly HashSet<string> SharedWords = ["none", Intent.DuplicateCharge, GateRules.DisputeOpen];

    [Fact]
    public void No_product_code_spells_a_root_cause_as_a_literal()
    {
        var words = WireName.All<RootCause>().Except(SharedWords).ToHashSet(StringComparer.Ordinal);

        var literals = (
            from type in ProductIl.Types
            from method in type.Methods
            where method.HasBody
            from instruction in method.Body.Instructions
            where instruction.OpCode == OpCodes.Ldstr && instruction.Operand is string text && words.Contains(text)
            select $"{ProductIl.TopLevel(type).FullName}::{method.Name} \"{instruction.Operand}\"").Distinct().ToList();

        Assert.True(literals.Count == 0, $"root causes spelled as literals:\n{string.Join("\n", literals)}");
    }

    [Fact]
    public void The_check_sees_literals_in_product_code()
    {
        // The scenario format's own field names are literals in Eval: if none are seen, the rule above proves nothing.
        var seen = ProductIl.Types.SelectMany(t => t.Methods).Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions).Where(i => i.OpCode == OpCodes.Ldstr).Select(i => (string)i.Operand).ToHashSet();

        Assert.Contains("root_cause", seen);
    }
}

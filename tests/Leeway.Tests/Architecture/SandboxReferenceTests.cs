using Mono.Cecil;

namespace Leeway.Tests.Architecture;

/// <summary>The sandbox stands where Stripe stands: only Eval and Cli start it, through its host and admin API.</summary>
public sealed class SandboxReferenceTests
{
    [Fact]
    public void Only_Eval_and_Cli_refer_to_the_sandbox_assembly()
    {
        var others = (
            from type in ProductIl.Types
            where ProductIl.CapabilityOf(type) is not ("Eval" or "Cli")
            from reference in ProductIl.TypeReferences(type)
            where reference.Target.Scope is AssemblyNameReference { Name: "Leeway.StripeSandbox" }
            select $"{reference.Where} uses {reference.Target.FullName}").Distinct().ToList();

        Assert.True(others.Count == 0, string.Join("\n", others));
    }

    [Fact]
    public void The_check_sees_the_sandbox_where_Eval_starts_it()
    {
        var inEval = ProductIl.Types.Where(t => ProductIl.CapabilityOf(t) == "Eval")
            .SelectMany(ProductIl.TypeReferences)
            .Any(r => r.Target.Scope is AssemblyNameReference { Name: "Leeway.StripeSandbox" });

        Assert.True(inEval);
    }
}

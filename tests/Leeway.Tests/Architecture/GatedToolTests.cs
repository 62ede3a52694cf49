using Leeway.Agent.Tools;
using Leeway.Policy;
using Mono.Cecil;

namespace Leeway.Tests.Architecture;

/// <summary>Every one of Lee's tools that reaches the gate is listed as gated, and every listed one reaches it.</summary>
public sealed class GatedToolTests
{
    [Fact]
    public void Every_tool_that_changes_state_is_registered_as_gated_and_goes_through_the_gate()
    {
        // The functions are built in the constructor; nothing they hold is touched until one is invoked.
        var tools = new LeeTools(null!, null!, null!).Functions;
        var reachesGate = tools
            .Where(f => f.UnderlyingMethod is { } method && ProductIl.Reaches(Definition(method), IsGateExecute))
            .Select(f => f.Name)
            .Order()
            .ToList();

        Assert.Equal(LeeTools.GatedTools.Order(), reachesGate);
    }

    [Fact]
    public void The_check_sees_the_gate_behind_a_tool()
    {
        var retry = new LeeTools(null!, null!, null!).Functions.Single(f => f.Name == "retry_payment");

        Assert.True(ProductIl.Reaches(Definition(retry.UnderlyingMethod!), IsGateExecute));
    }

    private static bool IsGateExecute(MethodReference call) =>
        call.Name == nameof(IGate.ExecuteAsync) && call.DeclaringType.FullName == typeof(IGate).FullName;

    private static MethodDefinition Definition(System.Reflection.MethodInfo method) =>
        ProductIl.Module.LookupToken(method.MetadataToken) as MethodDefinition
            ?? throw new InvalidOperationException($"{method.Name} is not a method of the product.");
}

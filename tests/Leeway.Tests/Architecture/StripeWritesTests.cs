using Mono.Cecil;

namespace Leeway.Tests.Architecture;

/// <summary>The gate is the only door to Stripe writes: every mutating Stripe.net call is made from Policy.</summary>
public sealed class StripeWritesTests
{
    /// <summary>Writes that configure the Stripe account itself (no customer's billing): <c>leeway stripe connect</c>.</summary>
    private static readonly HashSet<string> AccountSetUp = ["Stripe.WebhookEndpointService"];

    [Fact]
    public void Mutating_Stripe_calls_are_made_only_in_Policy()
    {
        var outside = (
            from type in ProductIl.Types
            where ProductIl.CapabilityOf(type) != "Policy"
            from method in type.Methods
            from call in ProductIl.Calls(method)
            where IsStripeWrite(call) && !AccountSetUp.Contains(call.DeclaringType.FullName)
            select $"{type.FullName}::{method.Name} calls {call.DeclaringType.Name}.{call.Name}").Distinct().ToList();

        Assert.True(outside.Count == 0, string.Join("\n", outside));
    }

    [Fact]
    public void The_check_sees_the_gates_own_writes()
    {
        var inPolicy = ProductIl.Types.Where(t => ProductIl.CapabilityOf(t) == "Policy")
            .SelectMany(t => t.Methods).SelectMany(ProductIl.Calls).Where(IsStripeWrite).Select(c => c.Name).ToHashSet();

        // The executor's refund and invoice payment: if these are not seen, the rule above proves nothing.
        Assert.Contains("CreateAsync", inPolicy);
        Assert.Contains("PayAsync", inPolicy);
    }

    /// <summary>A call on a Stripe.net service that is not a read (get, list, search).</summary>
    private static bool IsStripeWrite(MethodReference call) =>
        call.DeclaringType.Namespace.StartsWith("Stripe", StringComparison.Ordinal)
        && call.DeclaringType.Name.EndsWith("Service", StringComparison.Ordinal)
        && call.Name != ".ctor"
        && !call.Name.StartsWith("get_", StringComparison.Ordinal)
        && !call.Name.StartsWith("Get", StringComparison.Ordinal)
        && !call.Name.StartsWith("List", StringComparison.Ordinal)
        && !call.Name.StartsWith("Search", StringComparison.Ordinal);
}

using FsCheck;
using FsCheck.Fluent;
using Leeway.Policy;
using Leeway.Policy.Rules;

namespace Leeway.Tests.Policy;

/// <summary>Generators for <see cref="GateScenario"/>: policies around the format's defaults, small worlds, request sequences with repeats.</summary>
public static class GateArbitraries
{
    public static Arbitrary<GateScenario> Scenarios() => Arb.From(Scenario());

    private static Gen<GateScenario> Scenario() =>
        from policy in Policy()
        from risk in Gen.Frequency((5, Gen.Constant("normal")), (2, Gen.Constant("elevated")), (1, Gen.Constant("high")))
        from dispute in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from charges in ListOf(Charge(), 1, 5)
        from invoices in ListOf(Invoice(), 1, 3)
        from steps in ListOf(Step(), 1, 14)
        select new GateScenario(policy, risk, dispute, charges, invoices, steps);

    private static Gen<PolicySettings> Policy() =>
        from refundMax in Gen.Elements(0L, 500L, 1000L, 1500L, 2500L, 5000L, 10000L)
        from window in Gen.Choose(0, 90)
        from count in Gen.Choose(0, 3)
        from creditMax in Gen.Elements(0L, 500L, 2000L, 5000L)
        from attempts in Gen.Choose(0, 5)
        from maxRisk in Gen.Elements("normal", "elevated", "high")
        from cancel in Gen.Elements(true, false)
        select new PolicySettings
        {
            RefundAutoMax = refundMax,
            RefundWindowDays = window,
            AutoRefundsPerCustomer90d = count,
            CreditAutoMax = creditMax,
            RetryMaxAttempts = attempts,
            AutoActionsMaxRisk = maxRisk,
            CancelSelfServe = cancel,
        };

    private static Gen<GateScenario.ChargeSeed> Charge() =>
        from amount in Gen.Choose(1, 80).Select(i => i * 100L)
        from age in Gen.Choose(0, 120)
        from refunded in Gen.Frequency((3, Gen.Constant(0L)), (1, Gen.Choose(1, 100).Select(i => (long)i * 10)))
        from refundAge in Gen.Choose(0, 120)
        select new GateScenario.ChargeSeed(amount, age, Math.Min(refunded, amount), Math.Min(refundAge, age));

    private static Gen<GateScenario.InvoiceSeed> Invoice() =>
        from attempts in Gen.Choose(0, 6).Select(i => (long)i)
        from error in Gen.Elements<string?>(null, "insufficient_funds", "stolen_card", "expired_card", "authentication_required", "do_not_honor")
        select new GateScenario.InvoiceSeed(attempts, error);

    private static Gen<GateScenario.Step> Step() =>
        from actor in Gen.Frequency((4, Gen.Constant(0)), (2, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
        from kind in Gen.Frequency((5, Gen.Constant(0)), (2, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)), (1, Gen.Constant(4)))
        from target in Gen.Choose(0, 5)
        from amount in Gen.Frequency((2, Gen.Constant<long?>(null)), (3, Gen.Choose(1, 120).Select(i => (long?)(i * 50L))))
        from reason in Gen.Elements("requested_by_customer", "duplicate")
        from key in Gen.Choose(0, 3)
        from advance in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 24 * 40)))
        from concurrent in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new GateScenario.Step(actor, kind, target, amount, reason, key, advance, concurrent);

    private static Gen<IReadOnlyList<T>> ListOf<T>(Gen<T> item, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ListOf(item, n)).Select(list => (IReadOnlyList<T>)list.ToList());
}

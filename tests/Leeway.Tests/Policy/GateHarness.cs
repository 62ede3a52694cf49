using Leeway.Audit;
using Leeway.Policy;
using Leeway.Policy.Facts;
using Leeway.Policy.Rules;
using Leeway.Storage;
using Leeway.Tests.Audit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Leeway.Tests.Policy;

/// <summary>The real gate and a real audit log (SQLite file) over an <see cref="InMemoryBilling"/> world.</summary>
internal sealed class GateHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    private GateHarness(AuditTestDatabase database, PolicySettings policy, string customerId)
    {
        Database = database;
        Time = new FakeTimeProvider(Start);
        Billing = new InMemoryBilling(customerId, Time);
        Audit = database.Log(Time);
        Actions = new GateActions(database.Database, new IdGenerator());
        Gate = new Gate(Billing, Billing, new FixedPolicy(policy), Audit, Actions, Observers, new CustomerLocks(), Time, NullLogger<Gate>.Instance);
    }

    public AuditTestDatabase Database { get; }

    public FakeTimeProvider Time { get; }

    public InMemoryBilling Billing { get; }

    public IAuditLog Audit { get; }

    public Gate Gate { get; }

    /// <summary>Told of each decision (add before acting).</summary>
    public List<IGateObserver> Observers { get; } = [];

    /// <summary>The gate's typed record of its decisions.</summary>
    public GateActions Actions { get; }

    public static async Task<GateHarness> CreateAsync(PolicySettings? policy = null, string customerId = "cus_a")
    {
        var database = await AuditTestDatabase.CreateAsync();
        foreach (var statement in new PolicySchema().Statements(database.Database.Dialect))
        {
            await database.ExecuteAsync(statement);
        }

        return new(database, policy ?? new PolicySettings(), customerId);
    }

    public ChargeFact AddCharge(string id, long amount, TimeSpan age, long refunded = 0, string status = "succeeded")
    {
        var charge = new ChargeFact(id, amount, refunded, "usd", status, Time.GetUtcNow() - age,
            refunded > 0 ? [new RefundFact("re_" + id, refunded, "succeeded", Time.GetUtcNow() - age + TimeSpan.FromHours(1))] : []);
        Billing.Charges.Add(charge);
        return charge;
    }

    public InvoiceFact AddInvoice(string id, string status = "open", long attempts = 1, string? error = null, long amount = 2900)
    {
        var invoice = new InvoiceFact(id, status, attempts, amount, "usd", error, "pm_default", $"https://invoice.example/{id}");
        Billing.Invoices[id] = invoice;
        return invoice;
    }

    public void Dispose() => Database.Dispose();
}

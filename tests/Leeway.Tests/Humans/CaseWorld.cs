using Leeway.Diagnostics;
using Leeway.Humans;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Storage;
using Leeway.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Leeway.Tests.Humans;

/// <summary>A real database of its own (SQLite file, or PostgreSQL: see <see cref="TestDatabase"/>) with the Humans schema, the case store, its timeline and the staff directory.</summary>
internal sealed class CaseWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _storage;

    private CaseWorld(TestDatabase storage, Database database, FakeTimeProvider time, RecordingObserver observer, CaseEvents events, CaseStore cases, StaffDirectory staff)
    {
        _storage = storage;
        Database = database;
        Time = time;
        Observer = observer;
        Events = events;
        Cases = cases;
        Staff = staff;
    }

    public Database Database { get; }
    public FakeTimeProvider Time { get; }
    public RecordingObserver Observer { get; }
    public CaseEvents Events { get; }
    public CaseStore Cases { get; }
    public StaffDirectory Staff { get; }

    /// <param name="kind"><c>sqlite</c> or <c>postgres</c> (the server ./test.sh starts).</param>
    public static async Task<CaseWorld> StartAsync(string kind = "sqlite", HumansOptions? options = null)
    {
        var storage = await TestDatabase.CreateAsync(kind);
        var database = new Database(storage.ConnectionString);
        await new SchemaMigrator(database, [new HumansSchema()], NullLogger<SchemaMigrator>.Instance).StartAsync(CancellationToken.None);
        var time = new FakeTimeProvider(Start);
        var observer = new RecordingObserver();
        var events = new CaseEvents(database, [observer], NullLogger<CaseEvents>.Instance);
        var ids = new IdGenerator();
        var cases = new CaseStore(database, events, ids, time, Options.Create(options ?? new HumansOptions()));
        return new CaseWorld(storage, database, time, observer, events, cases, new StaffDirectory(database, ids, time));
    }

    /// <param name="invoice">The object the diagnosis is about: cases about different invoices are different problems.</param>
    public static HandoffPacket Packet(string? conversationId = "conv_1", string summary = "Refund above the automatic limit", string invoice = "in_1", params TranscriptLine[] lines) => new(
        conversationId,
        lines.Length > 0 ? lines : [new TranscriptLine("customer", "Refund my usage charge", Start), new TranscriptLine("agent-lee", "A person will follow up.", Start.AddSeconds(2))],
        new Diagnosis("cus_a", "amber", RootCause.UsageSpike, "Usage is 10x the usual.", RecommendedAction.ExplainUsage, false,
            [new Finding(RootCause.UsageSpike, "api_calls spiked", [invoice], new Dictionary<string, string> { ["meter"] = "api_calls" })],
            [new SourceReport("stripe", true, 12, null)], Start),
        [new GateOutcome(ActionType.Refund, false, "refund_auto_max", "Above the automatic refund limit.", false, true, null, 7)],
        summary);

    public Task<Case> OpenAsync(string customerId = "cus_a", string risk = "normal", string? conversationId = null) =>
        Cases.OpenAsync(customerId, "refund_over_cap", "agent", risk, Packet(conversationId ?? $"conv_{Guid.NewGuid():N}", invoice: $"in_{Guid.NewGuid():N}"), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Database.Dispose();
        await _storage.DisposeAsync();
    }

    internal sealed class RecordingObserver : ICaseEventObserver
    {
        private readonly List<CaseEvent> _seen = [];

        public IReadOnlyList<CaseEvent> Seen
        {
            get
            {
                lock (_seen)
                {
                    return [.. _seen];
                }
            }
        }

        public Task OnRecordedAsync(CaseEvent caseEvent, CancellationToken cancellationToken)
        {
            lock (_seen)
            {
                _seen.Add(caseEvent);
            }

            return Task.CompletedTask;
        }
    }
}

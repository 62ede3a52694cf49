using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox;

/// <summary>
/// One world: every object, the clock, the events. Every read and write of state happens under <see cref="Sync"/>
/// (one world lock: simple and enough for a test double); webhook deliveries happen outside it.
/// </summary>
internal sealed class World(SandboxClock clock)
{
    public const string ApiVersion = "2026-10-28.endive";

    private readonly Dictionary<string, StripeObject> _objects = new(StringComparer.Ordinal);
    private readonly List<EventRecord> _emitted = [];
    private long _sequence;

    public Lock Sync { get; } = new();

    public SandboxClock Clock { get; } = clock;

    public long Now => Clock.Unix;

    /// <summary>The sandbox's own address, for the links it issues (hosted invoice, checkout, portal).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The API request being served (events name it in <c>request</c>); null for admin and clock work.</summary>
    public (string Id, string? IdempotencyKey)? CurrentRequest { get; set; }

    /// <summary>Called with each event as it is emitted (the webhook dispatcher queues it).</summary>
    public Action<EventRecord>? EventEmitted { get; set; }

    public T Add<T>(T item)
        where T : StripeObject
    {
        if (_objects.ContainsKey(item.Id))
        {
            throw ApiException.InvalidRequest($"An object with id '{item.Id}' already exists.", "id", "resource_already_exists");
        }

        item.Sequence = ++_sequence;
        _objects[item.Id] = item;
        return item;
    }

    public void Remove(string id) => _objects.Remove(id);

    /// <summary>A mark to undo additions with <see cref="RemoveSince"/>.</summary>
    public long Mark() => _sequence;

    public void RemoveSince(long mark)
    {
        foreach (var id in _objects.Values.Where(o => o.Sequence > mark).Select(o => o.Id).ToList())
        {
            _objects.Remove(id);
        }
    }

    public StripeObject? Find(string id) => _objects.GetValueOrDefault(id);

    public T? Find<T>(string? id)
        where T : StripeObject => id is not null && _objects.TryGetValue(id, out var o) ? o as T : null;

    /// <summary>The object, or Stripe's 404: <c>No such customer: 'cus_x'</c>.</summary>
    public T Get<T>(string id, string kind, string param = "id")
        where T : StripeObject => Find<T>(id) ?? throw ApiException.Missing(kind, id, param);

    public IEnumerable<T> All<T>()
        where T : StripeObject => _objects.Values.OfType<T>();

    public int Count => _objects.Count;

    public JsonObject Render(StripeObject item, ExpandTree? expand = null) => item.Render(new RenderContext(this, expand ?? ExpandTree.None));

    /// <summary>Records an event with the object's current state and hands it to the webhook dispatcher.</summary>
    public EventRecord Emit(string type, StripeObject item, JsonObject? previousAttributes = null)
    {
        var e = new EventRecord
        {
            Id = StripeIds.New("evt_"),
            Created = Now,
            Type = type,
            Object = Render(item),
            PreviousAttributes = previousAttributes is { Count: > 0 } ? previousAttributes : null,
            RequestId = CurrentRequest?.Id,
            IdempotencyKey = CurrentRequest?.IdempotencyKey,
        };
        Add(e);
        _emitted.Add(e);
        EventEmitted?.Invoke(e);
        return e;
    }

    /// <summary>Emits <paramref name="type"/> when the object's wire form changed since <paramref name="before"/>,
    /// with the changed top-level fields' old values as <c>previous_attributes</c>.</summary>
    public EventRecord? EmitIfChanged(string type, StripeObject item, JsonObject before)
    {
        var after = Render(item);
        var previous = new JsonObject();
        foreach (var (key, value) in before)
        {
            if (!JsonNode.DeepEquals(value, after[key]))
            {
                previous[key] = value?.DeepClone();
            }
        }

        return previous.Count == 0 ? null : Emit(type, item, previous);
    }

    /// <summary>The events emitted since the last call (admin calls wait for their first deliveries).</summary>
    public List<EventRecord> TakeEmitted()
    {
        var taken = _emitted.ToList();
        _emitted.Clear();
        return taken;
    }
}

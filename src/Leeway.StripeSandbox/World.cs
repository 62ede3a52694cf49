using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox;

/// <summary>
/// One world: every object, the clock, the events. Every read and write of state happens under <see cref="Sync"/>
/// (one world lock: simple and enough for a test double); webhook deliveries happen outside it. Objects are indexed by
/// type and by owner (<see cref="StripeObject.Owners"/>), so a read costs the same with ten customers or ten thousand,
/// as Stripe's does, and the lock is held for microseconds.
/// </summary>
internal sealed class World(SandboxClock clock)
{
    public const string ApiVersion = "2026-10-28.endive";

    private readonly Dictionary<string, StripeObject> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, Dictionary<string, StripeObject>> _byType = [];

    // A superset: an object stays listed under an owner it no longer has (callers filter on the current value).
    private readonly Dictionary<string, HashSet<StripeObject>> _byOwner = new(StringComparer.Ordinal);
    private readonly List<EventRecord> _emitted = [];
    private long _sequence;

    public Lock Sync { get; } = new();

    public SandboxClock Clock { get; } = clock;

    public long Now => Clock.Unix;

    /// <summary>The sandbox's own address, for the links it issues (hosted invoice, checkout, portal).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The API request being served (events name it in <c>request</c>); null for admin and clock work.</summary>
    public (string Id, string? IdempotencyKey)? CurrentRequest { get; set; }

    /// <summary>Stripe's automatic retries of failed invoice payments (on by default, as in a new Stripe account).</summary>
    public Payments.SmartRetrySettings SmartRetries { get; } = new();

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
        if (!_byType.TryGetValue(item.GetType(), out var ofType))
        {
            _byType[item.GetType()] = ofType = new Dictionary<string, StripeObject>(StringComparer.Ordinal);
        }

        ofType[item.Id] = item;
        Reindex(item);
        return item;
    }

    /// <summary>Lists the object under its current owners; call after changing one (a card attached to a customer).</summary>
    public void Reindex(StripeObject item)
    {
        foreach (var owner in item.Owners)
        {
            if (owner is null)
            {
                continue;
            }

            if (!_byOwner.TryGetValue(owner, out var owned))
            {
                _byOwner[owner] = owned = [];
            }

            owned.Add(item);
        }
    }

    public void Remove(string id)
    {
        if (_objects.Remove(id, out var item))
        {
            _byType[item.GetType()].Remove(id);
            foreach (var owner in item.Owners)
            {
                if (owner is not null && _byOwner.TryGetValue(owner, out var owned))
                {
                    owned.Remove(item);
                }
            }
        }
    }

    /// <summary>A mark to undo additions with <see cref="RemoveSince"/>.</summary>
    public long Mark() => _sequence;

    public void RemoveSince(long mark)
    {
        foreach (var id in _objects.Values.Where(o => o.Sequence > mark).Select(o => o.Id).ToList())
        {
            Remove(id);
        }
    }

    public StripeObject? Find(string id) => _objects.GetValueOrDefault(id);

    public T? Find<T>(string? id)
        where T : StripeObject => id is not null && _objects.TryGetValue(id, out var o) ? o as T : null;

    /// <summary>The object, or Stripe's 404: <c>No such customer: 'cus_x'</c>.</summary>
    public T Get<T>(string id, string kind, string param = "id")
        where T : StripeObject => Find<T>(id) ?? throw ApiException.Missing(kind, id, param);

    public IEnumerable<T> All<T>()
        where T : StripeObject => _byType.TryGetValue(typeof(T), out var ofType) ? ofType.Values.Cast<T>() : [];

    /// <summary>Objects of type <typeparamref name="T"/> that are, or were, owned by <paramref name="ownerId"/> (a customer,
    /// invoice, subscription or charge id), in insertion order; every object when <paramref name="ownerId"/> is null.
    /// Callers still test the owner field itself: an object moved to another owner is still listed under the old one.</summary>
    public IEnumerable<T> Owned<T>(string? ownerId)
        where T : StripeObject
    {
        if (ownerId is null)
        {
            return All<T>();
        }

        return _byOwner.TryGetValue(ownerId, out var owned)
            ? owned.OfType<T>().OrderBy(o => o.Sequence).ToList()
            : [];
    }

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

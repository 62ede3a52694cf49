using Leeway.Storage;

namespace Leeway.Agent.Conversations;

/// <summary>
/// One offer Lee made and awaits a yes for: its kind and the object it is about (the invoice to retry, the charge to
/// refund, the subscription to cancel; none for a credit or a person). A conversation keeps its offers in one text column,
/// each as <c>kind:object</c> or <c>kind</c>, ';'-joined (<c>retry:in_1;refund:ch_2</c>, <c>person</c>), the form stored
/// since offers were first kept: <see cref="FormatAll"/> and <see cref="ParseAll"/> are the only code that writes or reads it.
/// </summary>
internal sealed record Offer
{
    private const char Separator = ';';
    private const char ObjectMark = ':';

    private Offer(OfferKind kind, string? objectId)
    {
        Kind = kind;
        ObjectId = objectId;
    }

    public OfferKind Kind { get; }

    /// <summary>The Stripe object the offer is about; null for the kinds that name none.</summary>
    public string? ObjectId { get; }

    public static Offer Retry(string invoiceId) => new(OfferKind.Retry, Checked(invoiceId));

    public static Offer Refund(string chargeId) => new(OfferKind.Refund, Checked(chargeId));

    public static Offer Cancel(string subscriptionId) => new(OfferKind.Cancel, Checked(subscriptionId));

    public static Offer Credit { get; } = new(OfferKind.Credit, null);

    public static Offer Person { get; } = new(OfferKind.Person, null);

    /// <summary>Whether this is the offer of <paramref name="kind"/> on <paramref name="objectId"/>.</summary>
    public bool Is(OfferKind kind, string? objectId) => Kind == kind && string.Equals(ObjectId, objectId, StringComparison.Ordinal);

    /// <summary>The stored form of one offer: <c>retry:in_1</c>, <c>person</c>.</summary>
    public string Format() => ObjectId is null ? WireName.Of(Kind) : $"{WireName.Of(Kind)}{ObjectMark}{ObjectId}";

    public override string ToString() => Format();

    /// <summary>The stored form of a conversation's offers; null for none (the column is then empty).</summary>
    public static string? FormatAll(IEnumerable<Offer> offers) =>
        string.Join(Separator, offers.Select(o => o.Format())) is { Length: > 0 } text ? text : null;

    /// <summary>
    /// The offers a conversation stored, in order. A part that names no offer (written by a later or broken version, or
    /// edited by hand) is left out with the reason in <paramref name="unreadable"/>: a yes to it then accepts nothing,
    /// and the conversation goes on.
    /// </summary>
    public static IReadOnlyList<Offer> ParseAll(string? stored, out IReadOnlyList<string> unreadable)
    {
        var offers = new List<Offer>();
        var problems = new List<string>();
        foreach (var part in (stored ?? "").Split(Separator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryParse(part, out var offer, out var why))
            {
                offers.Add(offer);
            }
            else
            {
                problems.Add(why);
            }
        }

        unreadable = problems;
        return offers;
    }

    /// <summary>One stored offer; false with the reason when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Offer? offer, out string why)
    {
        offer = null;
        var at = text.IndexOf(ObjectMark, StringComparison.Ordinal);
        var (kindText, objectId) = at < 0 ? (text, null) : (text[..at], text[(at + 1)..]);
        if (!WireName.TryParse<OfferKind>(kindText, out var kind))
        {
            why = $"'{text}' is not an offer: '{kindText}' is none of {string.Join(", ", WireName.All<OfferKind>())}.";
            return false;
        }

        var names = NamesObject(kind);
        if (names && string.IsNullOrEmpty(objectId))
        {
            why = $"'{text}' is not an offer: a {kindText} offer names the object it is about ({kindText}:id).";
            return false;
        }

        if (!names && objectId is not null)
        {
            why = $"'{text}' is not an offer: a {kindText} offer names no object.";
            return false;
        }

        if (objectId is not null && !IsObjectId(objectId))
        {
            why = $"'{text}' is not an offer: '{objectId}' is not an object id.";
            return false;
        }

        offer = new Offer(kind, objectId);
        why = "";
        return true;
    }

    private static bool NamesObject(OfferKind kind) => kind switch
    {
        OfferKind.Retry or OfferKind.Refund or OfferKind.Cancel => true,
        OfferKind.Credit or OfferKind.Person => false,
    };

    /// <summary>An id (Stripe's are letters, digits and underscores, <c>in_1Nv…</c>) never holds the stored form's marks or spaces.</summary>
    private static bool IsObjectId(string id) => id.Length > 0 && !id.Any(c => c is Separator or ObjectMark || char.IsWhiteSpace(c));

    private static string Checked(string objectId) =>
        IsObjectId(objectId) ? objectId : throw new ArgumentException($"'{objectId}' is not an object id an offer can name.", nameof(objectId));
}

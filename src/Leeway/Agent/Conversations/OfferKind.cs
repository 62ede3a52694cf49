namespace Leeway.Agent.Conversations;

/// <summary>
/// What Lee offered to do and awaits a yes for. Spelled on the conversation through <see cref="Storage.WireName"/>
/// (<c>retry</c>, <c>refund</c>, <c>cancel</c>, <c>credit</c>, <c>person</c>); <see cref="Offer"/> is the offer itself.
/// </summary>
internal enum OfferKind
{
    /// <summary>Retry an open invoice (names the invoice).</summary>
    Retry,

    /// <summary>Refund a charge (names the charge).</summary>
    Refund,

    /// <summary>Cancel a subscription (names the subscription).</summary>
    Cancel,

    /// <summary>Credit the customer's balance (names nothing).</summary>
    Credit,

    /// <summary>Hand the conversation to a person (names nothing).</summary>
    Person,
}

using Leeway.StripeSandbox.Objects;

namespace Leeway.StripeSandbox.Admin;

/// <summary>Which kind of object Stripe puts in <c>data.object</c> for an event type (scenario-format § Events).</summary>
internal static class EventKinds
{
    private static readonly (string Prefix, Type Kind)[] Table =
    [
        ("charge.dispute.", typeof(Dispute)),
        ("charge.refund.", typeof(Refund)),
        ("charge.", typeof(Charge)),
        ("invoice_payment.", typeof(InvoicePayment)),
        ("invoice.", typeof(Invoice)),
        ("checkout.session.", typeof(CheckoutSession)),
        ("customer.subscription.", typeof(Subscription)),
        ("customer.source.", typeof(PaymentMethod)),
        ("customer.", typeof(Customer)),
        ("payment_method.", typeof(PaymentMethod)),
        ("payment_intent.", typeof(PaymentIntent)),
        ("refund.", typeof(Refund)),
        ("price.", typeof(Price)),
        ("product.", typeof(Product)),
        ("billing_portal.session.", typeof(PortalSession)),
        ("test_helpers.test_clock.", typeof(TestClock)),
    ];

    /// <summary>Null when the object fits the event type (or the type is one this table does not know).</summary>
    public static string? Mismatch(string type, StripeObject item)
    {
        foreach (var (prefix, kind) in Table)
        {
            if (type.StartsWith(prefix, StringComparison.Ordinal))
            {
                return kind.IsInstanceOfType(item) ? null : $"a {type} event carries a {Name(kind)}, and {item.Id} is a {item.ObjectType}";
            }
        }

        return null;
    }

    private static string Name(Type kind) => kind.Name switch
    {
        "CheckoutSession" => "checkout.session",
        "PortalSession" => "billing_portal.session",
        "InvoicePayment" => "invoice_payment",
        "PaymentMethod" => "payment_method",
        "PaymentIntent" => "payment_intent",
        "TestClock" => "test_helpers.test_clock",
        var n => n.ToLowerInvariant(),
    };
}

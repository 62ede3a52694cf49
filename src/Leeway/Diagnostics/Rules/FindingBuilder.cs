using Leeway.Billing;
using Leeway.Diagnostics.Explanations;

namespace Leeway.Diagnostics.Rules;

/// <summary>Collects a finding's objects and facts, skipping empty values so a fact present is a fact known.</summary>
internal sealed class FindingBuilder(RootCause rootCause)
{
    private readonly List<string> _objects = [];
    private readonly Dictionary<string, string> _facts = new(StringComparer.Ordinal);

    public FindingBuilder Object(string? id)
    {
        if (!string.IsNullOrEmpty(id) && !_objects.Contains(id))
        {
            _objects.Add(id);
        }

        return this;
    }

    public FindingBuilder Fact(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _facts[key] = value;
        }

        return this;
    }

    public FindingBuilder Fact(string key, long? value) => Fact(key, value?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public FindingBuilder Fact(string key, bool value) => Fact(key, value ? "true" : "false");

    public FindingBuilder Fact(string key, DateTimeOffset? value) => Fact(key, value is { } v ? DateFormat.Iso(v) : null);

    /// <summary>Amount, currency and the amount as a person reads it.</summary>
    public FindingBuilder Money(long amount, string? currency)
    {
        var code = string.IsNullOrWhiteSpace(currency) ? "usd" : currency.ToLowerInvariant();
        return Fact(FactKeys.Amount, amount).Fact(FactKeys.Currency, code).Fact(FactKeys.AmountDisplay, Billing.Money.Format(amount, code));
    }

    public FindingBuilder Card(Stripe.PaymentMethod? paymentMethod)
    {
        if (paymentMethod is null)
        {
            return this;
        }

        Object(paymentMethod.Id).Fact(FactKeys.PaymentMethod, paymentMethod.Id);
        if (paymentMethod.Card is { } card)
        {
            Fact(FactKeys.CardBrand, card.Brand)
                .Fact(FactKeys.CardLast4, card.Last4)
                .Fact(FactKeys.CardExpMonth, card.ExpMonth)
                .Fact(FactKeys.CardExpYear, card.ExpYear)
                .Fact(FactKeys.CardDisplay, CardFormat.Describe(card.Brand, card.Last4));
        }

        return this;
    }

    public Finding Build(string summary) => new(rootCause, summary, _objects.ToArray(), new Dictionary<string, string>(_facts));
}

using System.Globalization;
using Leeway.Diagnostics;
using Leeway.Diagnostics.Explanations;
using Leeway.Diagnostics.Sources;

namespace Leeway.Agent.Replies;

/// <summary>
/// A diagnosis as Lee tells it to the customer, in their language: one resource per root cause (<c>Explain.*</c> in
/// LeeSays.resx), filled from the deciding finding's raw facts (minor units, ISO times, card brand and last four), so
/// amounts and dates are formatted for the reader and no Stripe object id reaches the text. The Diagnostics API keeps
/// its own English explanation (with ids) for staff and integrations.
/// </summary>
internal static class LeeExplains
{
    public static string Write(LeeSays say, RootCause rootCause, IReadOnlyList<Finding> findings)
    {
        var primary = findings.FirstOrDefault(f => f.RootCause == rootCause);
        var f = new Facts(say, primary?.Facts ?? new Dictionary<string, string>());
        var text = rootCause switch
        {
            RootCause.DisputeOpen => say.Text("Explain.DisputeOpen", f.Amount, f.On(FactKeys.ChargeCreated), f.On(FactKeys.DisputeCreated)),
            RootCause.PaymentBlockedRisk => f.Has(FactKeys.Amount) && f.Has(FactKeys.Invoice)
                ? say.Text("Explain.PaymentBlockedRisk.Amount", f.Amount)
                : say.Text("Explain.PaymentBlockedRisk"),
            RootCause.PaymentFailedInsufficientFunds => say.Text("Explain.InsufficientFunds", f.Amount, f.Card, f.NextAttempt),
            RootCause.PaymentFailedCardExpired => say.Text("Explain.CardExpired", f.Amount, f.Card, f.ExpiredIn),
            RootCause.PaymentFailedIncorrectDetails => say.Text("Explain.IncorrectDetails", f.Amount, f.WrongDetail, f.Card),
            RootCause.PaymentFailedAuthenticationRequired => say.Text("Explain.AuthenticationRequired", f.Amount, f.Card),
            RootCause.PaymentFailedCardDeclined => say.Text("Explain.CardDeclined", f.Amount, f.Card),
            RootCause.PaymentLinkExpired => say.Text("Explain.LinkExpired", f.Amount, f.On(FactKeys.LinkExpiredAt)),
            RootCause.InvoicePastDue => say.Text(f.Day(FactKeys.DueDate) is null ? "Explain.PastDue.Overdue" : "Explain.PastDue", f.Amount, f.Day(FactKeys.DueDate), f.Card),
            RootCause.DuplicateCharge => say.Text("Explain.Duplicate", f.Amount, f.On(FactKeys.ChargeCreated)),
            RootCause.SourceUnavailable => say.Text("Explain.SourceUnavailable", Source(say, f.Get(FactKeys.Source))),
            RootCause.EntitlementMismatch => f.Get(FactKeys.Mismatch) == "active_without_subscription"
                ? say.Text("Explain.Entitlement.NoSubscription", LeeSays.Humanize(f.Get(FactKeys.Feature)))
                : say.Text("Explain.Entitlement.NotActive", LeeSays.Humanize(f.Get(FactKeys.Feature))),
            RootCause.UsageSpike => say.Text("Explain.UsageSpike", LeeSays.Humanize(f.Get(FactKeys.Meter)), f.Period, f.Amount, f.SpikeText),
            RootCause.CardExpiringSoon => say.Text("Explain.CardExpiringSoon", f.Card, f.ExpiryMonth, f.On(FactKeys.RenewalAt)),
            RootCause.RefundInProgress => say.Text("Explain.RefundInProgress", f.Amount, f.On(FactKeys.RefundCreated), f.Card, f.By(FactKeys.RefundExpectedBy)),
            RootCause.PaymentDue => say.Text("Explain.PaymentDue", f.Amount),
            RootCause.None => say.Text("Explain.None"),
        };

        var unreached = findings
            .Where(x => x.RootCause == RootCause.SourceUnavailable && x != primary)
            .Select(x => Source(say, x.Facts.GetValueOrDefault(FactKeys.Source)))
            .Distinct()
            .ToList();
        return unreached.Count == 0 ? text : $"{text} {say.Text("Explain.Unreached", string.Join(say.Text("Explain.Or"), unreached))}";
    }

    private static string Source(LeeSays say, string? source) => say.Text(source switch
    {
        SourceNames.Stripe => "Source.Stripe",
        SourceNames.Entitlements => "Source.Entitlements",
        SourceNames.Usage => "Source.Usage",
        _ => "Source.Other",
    });

    /// <summary>A finding's facts, read the way the resources say them.</summary>
    private sealed class Facts(LeeSays say, IReadOnlyDictionary<string, string> facts)
    {
        public string? Get(string key) => facts.GetValueOrDefault(key);

        public bool Has(string key) => facts.ContainsKey(key);

        public string Amount => long.TryParse(Get(FactKeys.Amount), NumberStyles.Integer, CultureInfo.InvariantCulture, out var minor)
            ? say.Amount(minor, Get(FactKeys.Currency))
            : say.Text("Explain.AmountDue");

        public string Card => Get(FactKeys.CardBrand) is { } brand
            ? say.Card(brand, Get(FactKeys.CardLast4))
            : say.Text("Explain.CardOnFile");

        /// <summary><c> on November 8, 2026</c>, or nothing when the date is unknown.</summary>
        public string On(string key) => Day(key) is { } day ? say.Text("Explain.On", day) : "";

        public string By(string key) => Day(key) is { } day ? say.Text("Explain.By", day) : "";

        public string? Day(string key) => DateFormat.ParseIso(Get(key)) is { } when ? say.Date(when) : null;

        public string NextAttempt => Day(FactKeys.NextPaymentAttempt) is { } next ? say.Text("Explain.NextAttempt", next) : "";

        private string? ExpiryMonthOrNull => int.TryParse(Get(FactKeys.CardExpMonth), out var m) && int.TryParse(Get(FactKeys.CardExpYear), out var y)
            ? say.Month(m, y)
            : null;

        public string ExpiredIn => ExpiryMonthOrNull is { } month ? say.Text("Explain.ValidUntil", month) : "";

        public string ExpiryMonth => ExpiryMonthOrNull ?? say.Text("Explain.ItsExpiryMonth");

        public string WrongDetail => say.Text(Get(FactKeys.DeclineCode) switch
        {
            "incorrect_zip" or "incorrect_address" => "Explain.Wrong.Postal",
            "incorrect_cvc" or "invalid_cvc" => "Explain.Wrong.Cvc",
            "incorrect_number" or "invalid_number" => "Explain.Wrong.Number",
            "invalid_expiry_month" or "invalid_expiry_year" => "Explain.Wrong.Expiry",
            "incorrect_pin" or "invalid_pin" => "Explain.Wrong.Pin",
            _ => "Explain.Wrong.Details",
        });

        public string Period => (Day(FactKeys.PeriodStart), Day(FactKeys.PeriodEnd)) switch
        {
            ({ } start, { } end) => say.Text("Explain.Period", start, end),
            _ => say.Text("Explain.LatestPeriod"),
        };

        public string SpikeText
        {
            get
            {
                var mean = long.TryParse(Get(FactKeys.PreviousMeanAmount), NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) ? say.Amount(m, Get(FactKeys.Currency)) : null;
                var ratio = decimal.TryParse(Get(FactKeys.SpikeRatio), NumberStyles.Number, CultureInfo.InvariantCulture, out var r) ? r.ToString("0.##", say.Culture) : null;
                return (ratio, mean) switch
                {
                    ({ } times, { } usual) => say.Text("Explain.Spike.Times", times, usual),
                    (null, { } usual) => say.Text("Explain.Spike.Above", usual),
                    _ => say.Text("Explain.Spike.Far"),
                };
            }
        }
    }
}

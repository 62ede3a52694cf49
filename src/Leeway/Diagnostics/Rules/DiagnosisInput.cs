using Leeway.Billing;
using Leeway.Diagnostics.Sources;
using Leeway.Policy;
using Leeway.Policy.Rules;

namespace Leeway.Diagnostics.Rules;

/// <summary>
/// Everything the rules look at, already read. A source that did not answer is null here and named in
/// <see cref="UnavailableSources"/>: what it would have shown stays unseen.
/// </summary>
internal sealed record DiagnosisInput(
    BillingSnapshot? Billing,
    IReadOnlyList<EntitlementRecord>? Entitlements,
    IReadOnlyList<UsageRecord>? Usage,
    IReadOnlyList<string> UnavailableSources,
    PolicySettings Policy,
    DateTimeOffset Now);

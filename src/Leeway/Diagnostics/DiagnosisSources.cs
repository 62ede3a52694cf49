using Leeway.Billing;
using Leeway.Diagnostics.Sources;

namespace Leeway.Diagnostics;

/// <summary>The three sources as the diagnosis reads them (adapters chosen and faults applied at registration).</summary>
internal sealed record DiagnosisSources(IBillingReader Stripe, IEntitlementSource Entitlements, IUsageSource Usage);

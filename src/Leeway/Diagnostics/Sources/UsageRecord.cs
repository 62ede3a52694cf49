namespace Leeway.Diagnostics.Sources;

/// <summary>Billable usage of one meter over one period, as usage metering (ClickHouse) reports it. Amount in minor units.</summary>
internal sealed record UsageRecord(string Meter, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, long Quantity, long Amount);

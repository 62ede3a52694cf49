using Leeway.Diagnostics.Sources;
using Microsoft.Extensions.Options;

namespace Leeway.Diagnostics;

/// <summary>Checks <c>Diagnostics</c> at start, each failure naming its key and value.</summary>
internal sealed class DiagnosticsOptionsValidator : IValidateOptions<DiagnosticsOptions>
{
    private const int MaxDeadlineMs = 60_000;

    public ValidateOptionsResult Validate(string? name, DiagnosticsOptions options)
    {
        var errors = new List<string>();
        Deadline(errors, "stripe", options.Deadlines.Stripe);
        Deadline(errors, "entitlements", options.Deadlines.Entitlements);
        Deadline(errors, "usage", options.Deadlines.Usage);

        switch (options.Entitlements.Kind)
        {
            case EntitlementSourceOptions.Embedded:
                break;
            case EntitlementSourceOptions.Http when !IsHttpUrl(options.Entitlements.BaseUrl):
                errors.Add($"Diagnostics:Entitlements:BaseUrl must be an absolute http(s) URL when Kind is 'http' (got '{options.Entitlements.BaseUrl}').");
                break;
            case EntitlementSourceOptions.Http:
                break;
            default:
                errors.Add($"Diagnostics:Entitlements:Kind must be 'embedded' or 'http' (got '{options.Entitlements.Kind}').");
                break;
        }

        switch (options.Usage.Kind)
        {
            case UsageSourceOptions.Embedded:
                break;
            case UsageSourceOptions.ClickHouse:
                if (!IsHttpUrl(options.Usage.Url))
                {
                    errors.Add($"Diagnostics:Usage:Url must be an absolute http(s) URL when Kind is 'clickhouse' (got '{options.Usage.Url}').");
                }

                if (!ClickHouseUsageSource.IsIdentifier(options.Usage.Database))
                {
                    errors.Add($"Diagnostics:Usage:Database must be a plain identifier (letters, digits, _) (got '{options.Usage.Database}').");
                }

                if (!ClickHouseUsageSource.IsIdentifier(options.Usage.Table))
                {
                    errors.Add($"Diagnostics:Usage:Table must be a plain identifier (letters, digits, _) (got '{options.Usage.Table}').");
                }

                break;
            default:
                errors.Add($"Diagnostics:Usage:Kind must be 'embedded' or 'clickhouse' (got '{options.Usage.Kind}').");
                break;
        }

        foreach (var (source, mode) in options.Faults)
        {
            if (!SourceNames.All.Contains(source.ToLowerInvariant()))
            {
                errors.Add($"Diagnostics:Faults:{source} names no source (use {string.Join(", ", SourceNames.All)}).");
            }

            if (!string.IsNullOrEmpty(mode) && !SourceFault.Modes.Contains(mode.ToLowerInvariant()))
            {
                errors.Add($"Diagnostics:Faults:{source} must be 'error' or 'timeout' (got '{mode}').");
            }
        }

        if (options.Cache.TtlSeconds is < 1 or > 86_400)
        {
            errors.Add($"Diagnostics:Cache:TtlSeconds must be between 1 and 86400 (got {options.Cache.TtlSeconds}).");
        }

        if (options.Cache.MaxEntries < 1)
        {
            errors.Add($"Diagnostics:Cache:MaxEntries must be at least 1 (got {options.Cache.MaxEntries}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Deadline(List<string> errors, string source, int milliseconds)
    {
        if (milliseconds is < 1 or > MaxDeadlineMs)
        {
            errors.Add($"Diagnostics:Deadlines:{source} must be between 1 and {MaxDeadlineMs} ms (got {milliseconds}).");
        }
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

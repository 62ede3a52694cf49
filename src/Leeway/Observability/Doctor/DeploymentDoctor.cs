using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Diagnostics.Sources;
using Leeway.Prevent;
using Leeway.Prevent.Nudges;
using Leeway.Prevent.Webhooks;
using Leeway.Storage;
using Microsoft.Extensions.Options;
using Stripe;

namespace Leeway.Observability.Doctor;

/// <summary>
/// Checks every dependency a deployment needs, as the configuration names them, each with a real call where one can be
/// made: the configuration itself, the Stripe key and its mode, the webhook endpoint (its URL, API version and events)
/// and signing secret, the public address, the database, SMTP, and the entitlements and usage sources. Never changes
/// anything in Stripe; each check has its own deadline, and one that fails does not stop the others.
/// </summary>
internal sealed class DeploymentDoctor(IServiceProvider services, IConfiguration configuration)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    /// <param name="webhookUrl">The address Stripe posts to; null: <c>Billing:PublicBaseUrl</c> + <c>/webhooks/stripe</c>.</param>
    public async Task<IReadOnlyList<DoctorFinding>> ExamineAsync(string? webhookUrl, CancellationToken cancellationToken)
    {
        var findings = new List<DoctorFinding> { Configuration() };
        var (stripe, endpoints) = await StripeKeyAsync(cancellationToken);
        findings.Add(stripe);
        findings.Add(WebhookEndpoint(endpoints, webhookUrl ?? $"{PublicBaseUrl().TrimEnd('/')}/webhooks/stripe"));
        findings.Add(WebhookSecret());
        findings.Add(PublicAddress());
        findings.Add(await GuardAsync("Database", DatabaseAsync, cancellationToken));
        findings.Add(await GuardAsync("SMTP", SmtpAsync, cancellationToken));
        findings.Add(await GuardAsync("Entitlements source", EntitlementsAsync, cancellationToken));
        findings.Add(await GuardAsync("Usage source", UsageAsync, cancellationToken));
        return findings;
    }

    private DoctorFinding Configuration()
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return new DoctorFinding("Configuration", DoctorStatus.Ok, "every setting is valid");
        }
        catch (OptionsValidationException e)
        {
            return new DoctorFinding("Configuration", DoctorStatus.Fail, string.Join("; ", e.Failures), "fix the setting named (appsettings.json, or the environment with __ for :, e.g. Billing__ApiKey)");
        }
    }

    private async Task<(DoctorFinding Finding, List<WebhookEndpoint>? Endpoints)> StripeKeyAsync(CancellationToken cancellationToken)
    {
        const string check = "Stripe key";
        if (!StripeKeys.IsConfigured(configuration))
        {
            return (new DoctorFinding(check, DoctorStatus.Fail, "Billing:ApiKey is not set: `leeway serve` runs the embedded demo, not your Stripe account", StripeKeys.Hint), null);
        }

        var key = configuration["Billing:ApiKey"]!.Trim();
        var mode = StripeKeys.Mode(key);
        if (mode is null)
        {
            return (new DoctorFinding(check, DoctorStatus.Fail, $"Billing:ApiKey {StripeKeys.Masked(key)} is not a secret key (sk_…) or restricted key (rk_…)", StripeKeys.Hint), null);
        }

        var apiBase = StripeKeys.ApiBase(configuration);
        List<WebhookEndpoint> endpoints;
        try
        {
            using var deadline = Within(cancellationToken);
            endpoints = [];
            var stripe = services.GetRequiredService<StripeClient>();
            await foreach (var endpoint in stripe.V1.WebhookEndpoints.ListAutoPagingAsync(new WebhookEndpointListOptions { Limit = 100 }, cancellationToken: deadline.Token))
            {
                endpoints.Add(endpoint);
            }
        }
        catch (Exception e) when (StripeKeys.IsCallFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            var refused = e is StripeException { HttpStatusCode: System.Net.HttpStatusCode.Unauthorized };
            return (new DoctorFinding(check, DoctorStatus.Fail, $"{StripeKeys.Masked(key)} at {apiBase}: {StripeKeys.Describe(e)}", refused
                ? "copy the secret key again (Stripe dashboard → Developers → API keys) into Billing__ApiKey; a rolled key stops working"
                : "check the network to Stripe and Billing:ApiBase (unset it for api.stripe.com)"), null);
        }

        // The key decides the mode; the objects Stripe returns say which mode answered.
        if (endpoints.FirstOrDefault(e => e.Livemode != (mode == "live")) is { } other)
        {
            return (new DoctorFinding(check, DoctorStatus.Fail, $"{StripeKeys.Masked(key)} is a {mode}-mode key but {apiBase} answered with {(other.Livemode ? "live" : "test")}-mode objects", "check Billing:ApiBase and Billing:ApiKey belong together"), endpoints);
        }

        return (new DoctorFinding(check, DoctorStatus.Ok, $"{mode} mode, {StripeKeys.Masked(key)}, accepted by {apiBase}"), endpoints);
    }

    private static DoctorFinding WebhookEndpoint(List<WebhookEndpoint>? endpoints, string url)
    {
        const string check = "Webhook endpoint";
        if (endpoints is null)
        {
            return new DoctorFinding(check, DoctorStatus.Fail, "not checked: Stripe did not answer with the configured key", "fix the Stripe key first");
        }

        var endpoint = endpoints.Where(e => e.Url == url).MaxBy(e => e.Created);
        if (endpoint is null)
        {
            var others = endpoints.Count == 0 ? "the account has none" : $"the account has {string.Join(", ", endpoints.Select(e => e.Url))}";
            return new DoctorFinding(check, DoctorStatus.Fail, $"none for {url} ({others}): Stripe sends Leeway no events", $"./leeway stripe connect --url {url}, then store the secret it prints as Billing__WebhookSecret");
        }

        var problems = WebhookEndpointCheck.Problems(endpoint);
        if (problems.Count == 0)
        {
            return new DoctorFinding(check, DoctorStatus.Ok, $"{endpoint.Id} → {url}: API version {endpoint.ApiVersion}, the {HandledEvents.Types.Count} events Leeway handles, enabled");
        }

        var fix = WebhookEndpointCheck.VersionMatches(endpoint)
            ? $"./leeway stripe connect --url {url} (corrects it in place; the secret stays)"
            : $"./leeway stripe connect --url {url} --replace, then store the new secret as Billing__WebhookSecret and restart";
        return new DoctorFinding(check, DoctorStatus.Fail, $"{endpoint.Id} → {url}: {string.Join("; ", problems)}", fix);
    }

    private DoctorFinding WebhookSecret()
    {
        const string check = "Webhook secret";
        const string fix = "set Billing__WebhookSecret to the secret `./leeway stripe connect` printed (lost? run it with --replace)";
        var secret = configuration["Billing:WebhookSecret"];
        if (string.IsNullOrWhiteSpace(secret))
        {
            return new DoctorFinding(check, DoctorStatus.Fail, "Billing:WebhookSecret is not set: every event Stripe sends is refused", fix);
        }

        return secret.StartsWith("whsec_", StringComparison.Ordinal)
            ? new DoctorFinding(check, DoctorStatus.Ok, "set (Stripe shows an endpoint's secret only at creation, so it cannot be compared here; a wrong one shows as 400s in Stripe's webhook log)")
            : new DoctorFinding(check, DoctorStatus.Fail, "Billing:WebhookSecret does not start with whsec_: it is not a webhook signing secret", fix);
    }

    private string PublicBaseUrl() => configuration["Billing:PublicBaseUrl"] is { Length: > 0 } url ? url : new BillingOptions().PublicBaseUrl;

    private DoctorFinding PublicAddress()
    {
        const string check = "Public address";
        const string fix = "set Billing__PublicBaseUrl to the address customers and Stripe reach, e.g. https://billing.example.com";
        if (string.IsNullOrWhiteSpace(configuration["Billing:PublicBaseUrl"]))
        {
            return new DoctorFinding(check, DoctorStatus.Warn, $"Billing:PublicBaseUrl is not set: links in e-mails and return URLs point at {PublicBaseUrl()}", fix);
        }

        return Uri.TryCreate(PublicBaseUrl(), UriKind.Absolute, out var uri) && uri.IsLoopback
            ? new DoctorFinding(check, DoctorStatus.Warn, $"{uri}: only this machine reaches it, not customers", fix)
            : new DoctorFinding(check, DoctorStatus.Ok, PublicBaseUrl());
    }

    private async Task<DoctorFinding> DatabaseAsync(CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var where = database.Dialect == SqlDialect.Postgres ? $"PostgreSQL {connection.DataSource}/{connection.Database}" : $"SQLite {connection.DataSource}";
        return new DoctorFinding("Database", DoctorStatus.Ok, $"{where} answers{(string.IsNullOrEmpty(storage.ConnectionString) && database.Dialect == SqlDialect.Sqlite ? " (one host; PostgreSQL for several: docs/deploy.md)" : "")}");
    }

    private async Task<DoctorFinding> SmtpAsync(CancellationToken cancellationToken)
    {
        var mailer = services.GetRequiredService<NudgeMailer>();
        if (mailer.UsesPickupFolder)
        {
            return new DoctorFinding("SMTP", DoctorStatus.Warn, $"Prevent:Smtp:Host is not set: nudge e-mails are written to {mailer.PickupDirectory}, not sent",
                "set Prevent__Smtp__Host (and Port, UserName, Password, From) to your mail server");
        }

        return new DoctorFinding("SMTP", DoctorStatus.Ok, await mailer.CheckServerAsync(cancellationToken));
    }

    private async Task<DoctorFinding> EntitlementsAsync(CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<DiagnosticsOptions>>().Value.Entitlements;
        if (options.Kind != EntitlementSourceOptions.Http)
        {
            return new DoctorFinding("Entitlements source", DoctorStatus.Warn, "embedded: Leeway's own table, which only eval and the demo fill",
                "set Diagnostics__Entitlements__Kind=http and Diagnostics__Entitlements__BaseUrl to your entitlements service");
        }

        await services.GetRequiredService<IEntitlementSource>().ReadAsync(ProbeCustomer, cancellationToken);
        return new DoctorFinding("Entitlements source", DoctorStatus.Ok, $"{options.BaseUrl} answers");
    }

    private async Task<DoctorFinding> UsageAsync(CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<DiagnosticsOptions>>().Value.Usage;
        if (options.Kind != UsageSourceOptions.ClickHouse)
        {
            return new DoctorFinding("Usage source", DoctorStatus.Warn, "embedded: Leeway's own table, which only eval and the demo fill",
                "set Diagnostics__Usage__Kind=clickhouse with Url, Database and Table");
        }

        await services.GetRequiredService<IUsageSource>().ReadAsync(ProbeCustomer, cancellationToken);
        return new DoctorFinding("Usage source", DoctorStatus.Ok, $"ClickHouse {options.Url}, {options.Database}.{options.Table} answers");
    }

    /// <summary>A customer id no source has: a read of it exercises the connection, credentials and table, and finds nothing.</summary>
    private const string ProbeCustomer = "cus_leeway_doctor_probe";

    /// <summary>Runs one check under its deadline; whatever it throws becomes that check's failure, in one line.</summary>
    private static async Task<DoctorFinding> GuardAsync(string check, Func<CancellationToken, Task<DoctorFinding>> run, CancellationToken cancellationToken)
    {
        try
        {
            using var deadline = Within(cancellationToken);
            return await run(deadline.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = e is OperationCanceledException ? $"no answer in {Deadline.TotalSeconds:0} s" : $"{e.GetType().Name}: {e.Message.Split('\n', 2)[0].Trim()}";
            return new DoctorFinding(check, DoctorStatus.Fail, reason, FixFor(check));
        }
    }

    private static string FixFor(string check) => check switch
    {
        "Database" => "check Storage:ConnectionString (or Storage:DataDirectory for SQLite): host, port, database, credentials, and that the server runs",
        "SMTP" => "check Prevent:Smtp:Host, Port, Security, UserName and Password, and that the server accepts this machine",
        "Entitlements source" => "check Diagnostics:Entitlements:BaseUrl and that the service answers GET /customers/{id}/entitlements",
        _ => "check Diagnostics:Usage (Url, Database, Table, User, Password) and that the table exists",
    };

    private static CancellationTokenSource Within(CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        return deadline;
    }
}

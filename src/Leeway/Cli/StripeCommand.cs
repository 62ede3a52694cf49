using System.CommandLine;
using Leeway.Billing;
using Leeway.Prevent;
using Leeway.Prevent.Webhooks;

namespace Leeway.Cli;

/// <summary><c>leeway stripe connect</c>: the webhook endpoint on the Stripe account the configuration names.</summary>
internal static class StripeCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The public address of Leeway's webhook receiver, e.g. https://billing.example.com/webhooks/stripe", Required = true };
        var replace = new Option<bool>("--replace") { Description = "Replace the endpoint with a new one (a new signing secret): for one on another API version, or whose secret was lost" };
        var connect = new Command("connect", """
            Create (or check) the Stripe webhook endpoint Leeway receives events on, in the account Billing:ApiKey names:
            on the API version Leeway pins, subscribed to exactly the events it handles. Prints the signing secret to store
            as Billing:WebhookSecret when it creates one (Stripe shows a secret only then).

            An endpoint that exists is checked: wrong events or disabled are corrected in place (same secret); another API
            version cannot be changed in Stripe, so it is replaced only with --replace (exit 1 until then). Set the key
            first: export Billing__ApiKey=sk_test_…; see docs/deploy.md.

            Example: ./leeway stripe connect --url https://billing.example.com/webhooks/stripe
            """)
        {
            url,
            replace,
        };
        connect.SetAction(async (parse, cancellationToken) =>
        {
            var endpointUrl = WebhookUrl(parse.GetValue(url)!, "--url");
            var app = LeewayApp.Build([], CommandLogging.HostSettings(parse));
            await using (app)
            {
                var key = StripeAccount.RequireKey(app.Configuration, "stripe connect needs the account to connect");
                var apiBase = StripeKeys.ApiBase(app.Configuration);
                WebhookConnection connection;
                try
                {
                    using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    deadline.CancelAfter(TimeSpan.FromSeconds(60));
                    connection = await app.Services.GetRequiredService<WebhookEndpointSetup>().ConnectAsync(endpointUrl, parse.GetValue(replace), deadline.Token);
                }
                catch (Exception e) when (StripeKeys.IsCallFailure(e) && !cancellationToken.IsCancellationRequested)
                {
                    throw new BadInputException($"could not set up the endpoint with Stripe at {apiBase} using Billing:ApiKey {StripeKeys.Masked(key)}: {StripeKeys.Describe(e)}; check Billing:ApiKey (and Billing:ApiBase), and the network.");
                }

                Console.WriteLine(Report(connection, endpointUrl, StripeKeys.Mode(key)));
                return connection.Outcome == WebhookConnectionOutcome.NeedsReplacing ? 1 : 0;
            }
        });
        return new Command("stripe", """
            Connect Leeway to a Stripe account (the one Billing:ApiKey names).

            Example: ./leeway stripe connect --url https://billing.example.com/webhooks/stripe
            """) { connect };
    }

    /// <summary>An absolute http(s) URL ending in Leeway's receiver path.</summary>
    private static string WebhookUrl(string value, string option)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            throw new BadInputException($"{option} {value}: not an absolute URL; pass Leeway's public address with the receiver's path, e.g. {option} https://billing.example.com/webhooks/stripe.");
        }

        if (!uri.AbsolutePath.EndsWith("/webhooks/stripe", StringComparison.Ordinal))
        {
            throw new BadInputException($"{option} {value}: Leeway receives Stripe's events at /webhooks/stripe; pass e.g. {option} {uri.GetLeftPart(UriPartial.Authority)}/webhooks/stripe.");
        }

        return value.Trim();
    }

    private static string Report(WebhookConnection connection, string url, string? mode)
    {
        var endpoint = connection.Endpoint;
        var what = $"{endpoint.Id} → {url} (API version {endpoint.ApiVersion}, {endpoint.EnabledEvents.Count} events, {mode ?? "unknown"} mode)";
        var was = string.Join("; ", connection.Problems);
        var store = $"""
            Its signing secret (Stripe shows it only now). Store it where `leeway serve` reads it, e.g. in the service's environment:
            Billing__WebhookSecret={connection.Secret}
            """;
        return connection.Outcome switch
        {
            WebhookConnectionOutcome.Created => $"Created webhook endpoint {what}.\n{store}",
            WebhookConnectionOutcome.Replaced => $"Replaced webhook endpoint {connection.Problems.Count switch { 0 => "(as asked)", _ => $"({was})" }}: now {what}; the old one is deleted.\n{store}\nRestart `leeway serve` with it: deliveries are signed with the new secret from now on.",
            WebhookConnectionOutcome.Corrected => $"Corrected webhook endpoint {what}: {was}. Its signing secret is unchanged.",
            WebhookConnectionOutcome.AlreadyConnected => $"Webhook endpoint {what} is connected; nothing to do. Its signing secret is the one printed when it was created (lost it? run again with --replace).",
            _ => $"Webhook endpoint {endpoint.Id} → {url} cannot be used as it is: {was}. Stripe cannot change an endpoint's API version; run again with --replace to create a new endpoint on {WebhookEndpointCheck.PinnedApiVersion} (a new signing secret to store) and delete this one.",
        };
    }
}

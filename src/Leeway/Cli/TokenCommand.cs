using System.CommandLine;
using Leeway.Billing;
using Leeway.Identity;

namespace Leeway.Cli;

internal static class TokenCommand
{
    public static Command Create()
    {
        var customer = new Argument<string>("customer-id") { Description = "The Stripe customer the token names, e.g. cus_demo_funds" };
        var data = new Option<string>("--data") { Description = "The data folder of the Leeway whose signing key to use (the one `serve --data` uses)", DefaultValueFactory = _ => "data" };
        var command = new Command("token", """
            Print a customer's sign-in token (signed with the data folder's key, valid for Identity:TokenLifetimeMinutes): the
            bearer token for /api/v1/diagnosis and /api/v1/conversations, and the sign-in link /me?token=TOKEN.

            The customer must exist: in the demo world `leeway serve` starts, or, when Billing:ApiKey is set, in Stripe.
            Only the token is printed, so TOKEN=$(./leeway token cus_demo_funds) captures it. Run `./leeway serve` once
            first: it creates the data folder and its key.

            Example: ./leeway token cus_demo_funds --data data
            """)
        {
            customer,
            data,
        };
        command.SetAction(async (parse, ct) =>
        {
            var folder = parse.GetValue(data)!;
            var customerId = parse.GetValue(customer)!.Trim();
            var app = LeewayApp.Build([], CommandLogging.HostSettings(parse, [new("Storage:DataDirectory", folder)]));
            await using (app)
            {
                // A wrong folder must not become a new key: a token signed with it is one the server rejects.
                if (string.IsNullOrEmpty(app.Configuration["Identity:TokenSigningKey"]))
                {
                    CommandInputs.ExistingDataFolder(folder, "token-signing.key");
                }

                await CheckCustomerExistsAsync(app, customerId, ct);
                Console.WriteLine(app.Services.GetRequiredService<CustomerTokens>().Issue(customerId));
                return 0;
            }
        });
        return command;
    }

    /// <summary>Where the customer must exist: the Stripe account when one is configured, else the demo world serve seeds.</summary>
    private static async Task CheckCustomerExistsAsync(WebApplication app, string customerId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(app.Configuration["Billing:ApiKey"]))
        {
            var demo = DemoWorld.Load(DateTimeOffset.UtcNow).Customers.Select(c => c.Id).ToList();
            if (!demo.Contains(customerId, StringComparer.Ordinal))
            {
                throw new BadInputException($"{customerId}: no such customer in the demo world `./leeway serve` starts; pass one of {string.Join(", ", demo)} (with Billing:ApiKey set, ids are checked with that Stripe account).");
            }

            return;
        }

        var apiBase = app.Configuration["Billing:ApiBase"] ?? new BillingOptions().ApiBase;
        BillingSnapshot? snapshot;
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(TimeSpan.FromSeconds(15));
            snapshot = await app.Services.GetRequiredService<IBillingReader>().ReadAsync(customerId, deadline.Token);
        }
        catch (Exception e) when (e is Stripe.StripeException or HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new BadInputException($"{customerId}: could not ask Stripe at {apiBase} whether this customer exists ({e.Message.Split('\n', 2)[0].Trim()}); check Billing:ApiBase and Billing:ApiKey, and the network.");
        }

        if (snapshot is null)
        {
            throw new BadInputException($"{customerId}: Stripe at {apiBase} has no such customer; pass the id of a customer in that account (cus_…, from the Stripe dashboard).");
        }
    }
}

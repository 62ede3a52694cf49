using System.CommandLine;
using Leeway.Identity;

namespace Leeway.Cli;

internal static class TokenCommand
{
    public static Command Create()
    {
        var customer = new Argument<string>("customer-id") { Description = "The Stripe customer id the token names, e.g. cus_123" };
        var data = new Option<string>("--data") { Description = "The data folder of the Leeway whose signing key to use", DefaultValueFactory = _ => "data" };
        var command = new Command("token", "Mint a customer bearer token for development (signed with the data folder's key).")
        {
            customer,
            data,
        };
        command.SetAction(parse =>
        {
            var app = LeewayApp.Build([], new Dictionary<string, string?> { ["Storage:DataDirectory"] = parse.GetValue(data) });
            var tokens = app.Services.GetRequiredService<CustomerTokens>();
            Console.WriteLine(tokens.Issue(parse.GetValue(customer)!));
            return 0;
        });
        return command;
    }
}

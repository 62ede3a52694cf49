using System.CommandLine;

namespace Leeway.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:5080 (several separated by ';')", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var data = new Option<string>("--data") { Description = "Folder for the SQLite database and generated keys (created if missing)", DefaultValueFactory = _ => "data" };
        var command = new Command("serve", """
            Run Leeway. With Billing:ApiKey set (Billing__ApiKey in the environment, or appsettings), on that Stripe
            account: no sandbox, no demo; Billing:WebhookSecret must be set too (docs/deploy.md). Without it, on its embedded
            defaults: SQLite, the Stripe sandbox in-process, a demo world of customers in every kind of billing trouble.
            Open the address it prints.

            Prints its banner when ready; logs only warnings (--verbose for every request). Ctrl+C stops it.

            Example: ./leeway serve --urls http://127.0.0.1:5080
            """)
        {
            urls,
            data,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var listen = CommandInputs.Urls(parse.GetValue(urls)!, "--urls");
            CommandInputs.FreeToListen(listen, "--urls", "--urls http://127.0.0.1:5081");
            return ServeRunner.RunAsync(listen, CommandInputs.DataFolderToUse(parse.GetValue(data)!), CommandLogging.IsVerbose(parse), cancellationToken);
        });
        return command;
    }
}

using System.CommandLine;

namespace Leeway.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:5080", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var data = new Option<string>("--data") { Description = "Folder for the SQLite database and generated keys", DefaultValueFactory = _ => "data" };
        var command = new Command("serve", "Run Leeway on its embedded defaults: SQLite, the Stripe sandbox in-process, a demo world.")
        {
            urls,
            data,
        };
        command.SetAction((parse, cancellationToken) => ServeRunner.RunAsync(parse.GetValue(urls)!, parse.GetValue(data)!, cancellationToken));
        return command;
    }
}

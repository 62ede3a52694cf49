using System.CommandLine;
using Leeway.Eval;

namespace Leeway.Cli;

internal static class EvalCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Scenario files, or folders searched recursively for *.json", Arity = ArgumentArity.OneOrMore };
        var parallel = new Option<int>("--parallel") { Description = "Scenarios run at once (default: the number of cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var repeat = new Option<int>("--repeat") { Description = "Run each scenario K times in fresh worlds; it passes only if all K pass (pass^k)", DefaultValueFactory = _ => 1 };
        var json = new Option<string?>("--json") { Description = "Also write a JSON report with per-scenario results, each run's transcript and the aggregates to FILE" };
        var transcripts = new Option<bool>("--transcripts") { Description = "After each scenario's line, print its conversation for people: each turn, Lee's reply, actions with the gate's decision, links, nudges, the case" };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "Run every world on this PostgreSQL server instead of SQLite, each in a fresh database dropped afterwards (Npgsql connection string of a user that may CREATE DATABASE)",
            HelpName = "CONNECTION",
        };
        var stripeTrace = new Option<string?>("--stripe-trace")
        {
            Description = "Write every world's Stripe traffic to DIR: requests.jsonl (each /v1 request and answer) and webhooks.jsonl (each payload), the inputs of ../shared/stripe/stripe_spec_check.py",
            HelpName = "DIR",
        };
        var command = new Command("eval", """
            Score the product on scenario files (../shared/scenario-format.md): prints PASS/FAIL per scenario and "N passed,
            N failed".

            Each scenario runs in a fresh world: a fresh Stripe sandbox seeded with the scenario's world, a fresh database,
            events delivered as signed webhooks, the diagnosis read and the conversation held over the product's own HTTP
            endpoints. Exit 0 when the run completed (whatever failed), 2 when a file is invalid (the message names the file,
            the JSON path and the value).

            Example: ./leeway eval ../shared/scenarios/dev --json report.json
                     ./leeway eval ../shared/scenarios/dev --postgres "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres"
            """)
        {
            paths,
            parallel,
            repeat,
            json,
            transcripts,
            postgres,
            stripeTrace,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(parallel) < 1 || parse.GetValue(repeat) < 1)
            {
                throw new BadInputException($"--parallel {parse.GetValue(parallel)} --repeat {parse.GetValue(repeat)}: both must be at least 1, e.g. --parallel 2 --repeat 8.");
            }

            foreach (var path in parse.GetValue(paths)!.Where(p => !Directory.Exists(p)))
            {
                CommandInputs.InputFile(path, "PATH");
            }

            if (parse.GetValue(json) is { } report)
            {
                CommandInputs.OutputFile(report, "--json");
            }

            return await EvalRunner.RunAsync(parse.GetValue(paths)!, parse.GetValue(parallel), parse.GetValue(repeat), parse.GetValue(json), Console.Out, Console.Error, ct, parse.GetValue(transcripts), parse.GetValue(postgres), parse.GetValue(stripeTrace));
        });
        return command;
    }
}

using Leeway.Bench;

// dotnet run -c Release --project bench/Leeway.Bench -- <benchmark>   (one benchmark per capability; each prints a report)
return args.FirstOrDefault() switch
{
    "diagnosis" => await DiagnosisBench.RunAsync(args[1..]),
    "backlog" => await Leeway.Bench.Backlog.BacklogBench.RunAsync(args[1..]),
    "prevent-burst" => await Leeway.Bench.Prevent.RenewalDayBurst.RunAsync(args[1..]),
    "prevent-hosts" => await Leeway.Bench.Prevent.TwoHostBurst.RunAsync(args[1..]),
    "stripe-requests" => await Leeway.Bench.Prevent.StripeRequestsBench.RunAsync(args[1..]),
    "understanding" => await Leeway.Bench.Understanding.UnderstandingBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Leeway.Bench -- diagnosis|backlog|prevent-burst|prevent-hosts|stripe-requests|understanding [options]");
    return 2;
}

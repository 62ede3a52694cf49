using Leeway.Bench;

// dotnet run -c Release -- <benchmark>   (one benchmark per capability; each prints a Markdown report)
return args.FirstOrDefault() switch
{
    "diagnosis" => await DiagnosisBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release -- diagnosis [--seconds N] [--concurrency N] [--latency-ms N]");
    return 2;
}

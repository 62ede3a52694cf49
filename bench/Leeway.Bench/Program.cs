if (args is ["backlog", ..]) { Environment.Exit(await Leeway.Bench.Backlog.BacklogBench.RunAsync(args[1..])); }
Console.WriteLine("bench");

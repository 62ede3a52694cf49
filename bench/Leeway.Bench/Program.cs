if (args is ["prevent-burst", .. var burst]) { Environment.ExitCode = await Leeway.Bench.Prevent.RenewalDayBurst.RunAsync(burst); return; }
Console.WriteLine("bench");

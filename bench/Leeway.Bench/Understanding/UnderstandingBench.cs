using System.Diagnostics;
using System.Globalization;
using Leeway.Agent.Understanding;

namespace Leeway.Bench.Understanding;

/// <summary>
/// <c>understanding [--messages 600]</c>: for each model Lee can run (the n-gram model alone, what
/// <c>backlog rank</c> uses; n-grams plus the MiniLM sentence encoder, what the chat and <c>leeway classify</c> use),
/// a fresh process loads it and understands held-out and challenge messages one at a time, as a conversation does.
/// Reports load time, per-message latency p50/p99, and the process's working set before loading, after loading and
/// at its peak, with the machine's load average (the machine is shared: wall times move with it).
/// </summary>
internal static class UnderstandingBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["one", var oneMode, var countText])
        {
            return RunOne(oneMode, int.Parse(countText, CultureInfo.InvariantCulture));
        }

        var messages = BenchArgs.Int(args, "--messages", 600);
        Console.WriteLine($"understanding, one message at a time, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine("model\tload ms\tp50 ms\tp99 ms\tmax ms\tworking set before MB\tafter load MB\tpeak MB");
        foreach (var mode in new[] { "ngram", "encoder" })
        {
            var self = Environment.ProcessPath!;
            var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
            start.Environment["DOTNET_gcServer"] = "1";
            start.Environment["DOTNET_TC_QuickJitForLoops"] = "0";
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                start.ArgumentList.Add(typeof(UnderstandingBench).Assembly.Location);
            }

            foreach (var a in new[] { "understanding", "one", mode, messages.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(a);
            }

            using var child = Process.Start(start)!;
            var line = (await child.StandardOutput.ReadToEndAsync()).Trim();
            await child.WaitForExitAsync();
            Console.WriteLine($"{mode}\t{line}");
        }

        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    private static int RunOne(string mode, int count)
    {
        var corpus = IntentCorpus.Embedded();
        var texts = corpus.Challenge.Concat(corpus.HeldOut).Select(e => e.Text).Take(count).ToList();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var before = self.WorkingSet64;
        var clock = Stopwatch.StartNew();
        var understander = mode == "encoder" ? SharedIntentModel.ProductUnderstander() : new Understander(SharedIntentModel.Instance);
        understander.Understand("warm up");
        var loadMs = clock.Elapsed.TotalMilliseconds;
        self.Refresh();
        var afterLoad = self.WorkingSet64;
        var timings = new List<double>(texts.Count);
        foreach (var text in texts)
        {
            clock.Restart();
            understander.Understand(text);
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }

        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{loadMs:0}\t{Percentiles.Of(timings, 0.5):0.00}\t{Percentiles.Of(timings, 0.99):0.00}\t{timings.Max():0.0}\t{before / 1e6:0}\t{afterLoad / 1e6:0}\t{self.PeakWorkingSet64 / 1e6:0}"));
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

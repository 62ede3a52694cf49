using System.Diagnostics;
using System.Globalization;
using Leeway.Agent.Understanding;
using Leeway.Observability.Backlog;
using Leeway.Observability.Cost;
using Leeway.Routing;

namespace Leeway.Bench.Backlog;

/// <summary>
/// <c>backlog [--cases 9000,100000,1000000] [--workers N] [--dir DIR]</c>: writes a synthetic export of each size (not
/// timed), then ranks each in a fresh process, so every size reports its own peak working set. Targets: 9,000 cases
/// under 3 s, 1,000,000 under 60 s on 2 cores, and memory flat as the file grows.
/// </summary>
internal static class BacklogBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["one", var input, var workersText])
        {
            return await RankOneAsync(input, int.Parse(workersText, CultureInfo.InvariantCulture));
        }

        if (args is ["profile", ..])
        {
            return Profile();
        }

        var sizes = BenchArgs.Text(args, "--cases", "9000,100000,1000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var workers = int.Parse(BenchArgs.Text(args, "--workers", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var dir = BenchArgs.Text(args, "--dir", Path.Combine(Path.GetTempPath(), "leeway-bench-backlog"));
        Directory.CreateDirectory(dir);
        Console.WriteLine($"backlog ranking, {workers} workers, {Environment.ProcessorCount} cores");
        // Wall time depends on what else runs on the machine; CPU seconds do not, and bound the idle-machine time.
        Console.WriteLine("cases\tfile MB\tread-only s\tseconds\tcases/s\tCPU s\tcases/CPU s\tpeak working set MB\tskipped");
        foreach (var size in sizes)
        {
            var file = Path.Combine(dir, $"cases-{size}.csv");
            if (!File.Exists(file))
            {
                await using var stream = File.Create(file);
                SyntheticBacklog.Write(stream, size, seed: 42);
            }

            var self = Environment.ProcessPath!;
            var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
            // The leeway executable's runtime settings (server GC from the Web SDK, loops optimized at once: see
            // Leeway.csproj), so the numbers are the ones `leeway backlog rank` gets.
            start.Environment["DOTNET_gcServer"] = "1";
            start.Environment["DOTNET_TC_QuickJitForLoops"] = "0";
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                start.ArgumentList.Add(typeof(BacklogBench).Assembly.Location);
            }

            foreach (var a in new[] { "backlog", "one", file, workers.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(a);
            }

            using var child = Process.Start(start)!;
            var line = (await child.StandardOutput.ReadToEndAsync()).Trim();
            await child.WaitForExitAsync();
            Console.WriteLine($"{size}\t{new FileInfo(file).Length / 1e6:0}\t{line}");
        }

        return 0;
    }

    private static async Task<int> RankOneAsync(string file, int workers)
    {
        // What `leeway backlog rank` runs: the n-gram model alone.
        var understander = new Understander(SharedIntentModel.Instance);
        // Load the model before the clock starts, as a long-running process would have it.
        understander.Understand("warm up");
        var readClock = Stopwatch.StartNew();
        using (var readOnly = CaseCsvReader.Open(file))
        {
            foreach (var _ in readOnly.Cases())
            {
            }
        }

        var readSeconds = readClock.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using var reader = CaseCsvReader.Open(file);
        var ranking = await new BacklogRanker(understander, new RoutingTable(), new CostOptions()).RankAsync(reader, file, workers, null, default);
        var seconds = clock.Elapsed.TotalSeconds;
        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{readSeconds:0.00}\t{seconds:0.00}\t{ranking.Cases / seconds:0}\t{cpu:0.0}\t{ranking.Cases / cpu:0}\t{self.PeakWorkingSet64 / 1e6:0}\t{ranking.SkippedRows}"));
        return 0;
    }

    /// <summary>Where one classification's time goes, single-threaded, on synthetic case texts.</summary>
    private static int Profile()
    {
        using var stream = new MemoryStream();
        SyntheticBacklog.Write(stream, 5_000, seed: 5);
        stream.Position = 0;
        using var reader = CaseCsvReader.Open(stream, "profile.csv");
        var texts = reader.Cases().Select(c => c.Text).ToList();
        var model = SharedIntentModel.Instance;
        var understander = new Understander(model);
        Time("warm-up", () => understander.Understand(texts[0]), 1);
        Console.WriteLine("one text at a time (the chat, `leeway classify`):");
        Time("Understand (all of it)", () => understander.Understand(texts[Random.Shared.Next(texts.Count)]), texts.Count);
        Time("  model.Score", () => model.Score(texts[Random.Shared.Next(texts.Count)]), texts.Count);
        Time("  EntityExtractor.Extract", () => EntityExtractor.Extract(texts[Random.Shared.Next(texts.Count)]), texts.Count);
        Time("  SignalDetector.Detect", () => SignalDetector.Detect(texts[Random.Shared.Next(texts.Count)]), texts.Count);
        Time("  DisputeRule on folded text", () => DisputeRule.Matches(TextFolding.Fold(texts[Random.Shared.Next(texts.Count)])), texts.Count);
        Time("Understand (again, warm)", () => understander.Understand(texts[Random.Shared.Next(texts.Count)]), texts.Count);
        Console.WriteLine("in batches of 2,048 (`backlog rank`), per text:");
        var batches = texts.Chunk(2_048).ToList();
        Time("ClassifyIntents (warm-up)", () => batches.ForEach(b => understander.ClassifyIntents(b)), 1, texts.Count);
        Time("ClassifyIntents", () => batches.ForEach(b => understander.ClassifyIntents(b)), 2, texts.Count);
        Time("  model.ScoreBatch", () => batches.ForEach(b => model.ScoreBatch(b)), 2, texts.Count);
        Time("    UtteranceNormalizer.ForModel", () => UtteranceNormalizer.ForModel(texts[Random.Shared.Next(texts.Count)]), texts.Count);
        Time("  rules (fold, person, dispute)", () =>
        {
            var folded = TextFolding.Fold(texts[Random.Shared.Next(texts.Count)]);
            _ = SignalDetector.AsksForHuman(folded) || DisputeRule.Matches(folded);
        }, texts.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean text length: {texts.Average(t => t.Length):0} chars"));
        return 0;

        static void Time(string what, Action work, int n, int per = 1)
        {
            using var self = Process.GetCurrentProcess();
            var cpu = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < n; i++)
            {
                work();
            }

            self.Refresh();
            var cpuMicros = (self.TotalProcessorTime - cpu).TotalMicroseconds / n / per;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-34} {clock.Elapsed.TotalMicroseconds / n / per,8:0.0} µs/call wall {cpuMicros,8:0.0} µs CPU"));
        }
    }
}

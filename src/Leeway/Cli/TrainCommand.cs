using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Leeway.Agent.Understanding;

namespace Leeway.Cli;

internal static class TrainCommand
{
    private const string CorpusFolder = "src/Leeway/Agent/Understanding/Corpus";

    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "Folder holding intents.tsv and challenge.tsv", DefaultValueFactory = _ => CorpusFolder };
        var output = new Option<string>("--out") { Description = "Where to write the trained model", DefaultValueFactory = _ => Path.Combine(CorpusFolder, "intent-model.zip") };
        var trainer = new Option<IntentTrainer>("--trainer") { Description = "The learner of the model written", DefaultValueFactory = _ => IntentTrainer.LbfgsMaximumEntropy };
        var compare = new Option<bool>("--compare") { Description = "Also train and score every other learner (nothing else is written)" };
        var misses = new Option<bool>("--misses") { Description = "List every challenge utterance the model gets wrong" };
        var command = new Command("train", """
            Train Agent Lee's intent model on the training split of the labelled corpus, report held-out and challenge
            accuracy, and write the model (by default the one that ships inside the build).

            Run from the repository's folder; see docs/understanding.md. --out elsewhere leaves the shipped model alone.

            Example: ./leeway train --out /tmp/intent-model.zip
            """)
        {
            corpus,
            output,
            trainer,
            compare,
            misses,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(corpus)!;
            if (!File.Exists(Path.Combine(folder, "intents.tsv")))
            {
                throw new BadInputException($"--corpus {folder}: no intents.tsv in {Path.GetFullPath(folder)}; run from the repository's folder or pass --corpus FOLDER.");
            }

            CommandInputs.OutputFile(parse.GetValue(output)!, "--out");

            var data = IntentCorpus.FromFolder(folder);
            Console.WriteLine($"corpus: {data.Examples.Count} utterances ({data.Training.Count()} train / {data.HeldOut.Count()} held out), challenge: {data.Challenge.Count}");
            foreach (var group in data.Examples.GroupBy(e => e.Intent).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {group.Key,-22}{group.Count(),5}");
            }

            var chosen = parse.GetValue(trainer);
            var learners = parse.GetValue(compare) ? Enum.GetValues<IntentTrainer>() : [chosen];
            foreach (var learner in learners)
            {
                var clock = Stopwatch.StartNew();
                var model = IntentModelTrainer.Train(data.Training, learner);
                var seconds = clock.Elapsed.TotalSeconds;
                var understander = new Understander(model);
                var heldOut = IntentEvaluation.Run(understander, data.HeldOut);
                var challenge = IntentEvaluation.Run(understander, data.Challenge);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{learner}: trained in {seconds:0.0} s; held-out {heldOut.Accuracy:0.000} ({heldOut.Correct}/{heldOut.Total}); challenge {challenge.Accuracy:0.000} ({challenge.Correct}/{challenge.Total}), calibration error {challenge.CalibrationError:0.000}, mean confidence on misses {(challenge.Misses.Count == 0 ? 0 : challenge.Misses.Average(m => m.Confidence)):0.00}"));
                Console.WriteLine("  challenge confusions (expected -> predicted): " + string.Join(", ", challenge.Confusions().Take(8).Select(c => $"{c.Expected}->{c.Predicted} x{c.Count}")));
                Console.WriteLine("  held-out confusions: " + string.Join(", ", heldOut.Confusions().Take(8).Select(c => $"{c.Expected}->{c.Predicted} x{c.Count}")));
                if (parse.GetValue(misses))
                {
                    foreach (var miss in challenge.Misses)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  MISS {miss.Expected} -> {miss.Predicted} {miss.Confidence:0.00}  {miss.Text}"));
                    }
                }

                if (learner == chosen)
                {
                    var path = parse.GetValue(output)!;
                    using (var file = File.Create(path))
                    {
                        model.Save(file);
                    }

                    string[] metadata =
                    [
                        "key\tvalue",
                        $"corpus_sha256\t{data.Fingerprint}",
                        $"trainer\t{learner}",
                        string.Create(CultureInfo.InvariantCulture, $"held_out_accuracy\t{heldOut.Accuracy:0.000}"),
                        string.Create(CultureInfo.InvariantCulture, $"challenge_accuracy\t{challenge.Accuracy:0.000}"),
                    ];
                    File.WriteAllText(Path.ChangeExtension(path, ".meta.tsv"), string.Join('\n', metadata) + "\n");
                    Console.WriteLine($"wrote {path} (corpus {data.Fingerprint[..12]})");
                    ReportLatency(path, data);
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>What a process pays: loading the shipped model once, then each understanding.</summary>
    private static void ReportLatency(string path, IntentCorpus data)
    {
        var clock = Stopwatch.StartNew();
        IntentModel loaded;
        using (var file = File.OpenRead(path))
        {
            loaded = IntentModel.Load(file);
        }

        var loadMs = clock.Elapsed.TotalMilliseconds;
        var understander = new Understander(loaded);
        var texts = data.HeldOut.Select(e => e.Text).ToList();
        var timings = new List<double>(texts.Count);
        foreach (var text in texts)
        {
            clock.Restart();
            understander.Understand(text);
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  load {loadMs:0} ms; understand p50 {timings[timings.Count / 2]:0.000} ms, p99 {timings[(int)(timings.Count * 0.99)]:0.000} ms over {timings.Count} held-out utterances"));
    }
}

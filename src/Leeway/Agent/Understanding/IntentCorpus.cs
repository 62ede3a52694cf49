using System.Security.Cryptography;
using System.Text;

namespace Leeway.Agent.Understanding;

/// <summary>
/// The labelled corpus (Corpus/intents.tsv, generated) and the hand-written challenge set (Corpus/challenge.tsv),
/// both embedded in the assembly. The held-out split is fixed by a hash of the text: the same line is always on
/// the same side, whoever trains and wherever.
/// </summary>
internal sealed class IntentCorpus
{
    public const string CorpusResource = "Leeway.Agent.Understanding.Corpus.intents.tsv";
    public const string ChallengeResource = "Leeway.Agent.Understanding.Corpus.challenge.tsv";
    private const int HeldOutOneIn = 5;

    private IntentCorpus(IReadOnlyList<IntentExample> examples, IReadOnlyList<IntentExample> challenge, string fingerprint)
    {
        Examples = examples;
        Challenge = challenge;
        Fingerprint = fingerprint;
    }

    public IReadOnlyList<IntentExample> Examples { get; }

    public IReadOnlyList<IntentExample> Challenge { get; }

    /// <summary>SHA-256 of the corpus file: a shipped model names the corpus it was trained on.</summary>
    public string Fingerprint { get; }

    public IEnumerable<IntentExample> Training => Examples.Where(e => !IsHeldOut(e.Text));

    public IEnumerable<IntentExample> HeldOut => Examples.Where(e => IsHeldOut(e.Text));

    public static IntentCorpus Embedded()
    {
        return Load(ReadResource(CorpusResource), "intents.tsv", ReadResource(ChallengeResource), "challenge.tsv");
    }

    public static IntentCorpus FromFolder(string folder)
    {
        return Load(
            File.ReadAllText(Path.Combine(folder, "intents.tsv")), Path.Combine(folder, "intents.tsv"),
            File.ReadAllText(Path.Combine(folder, "challenge.tsv")), Path.Combine(folder, "challenge.tsv"));
    }

    public static IntentCorpus Load(string corpus, string corpusName, string challenge, string challengeName)
    {
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(corpus.Replace("\r\n", "\n", StringComparison.Ordinal))));
        return new IntentCorpus(Parse(corpus, corpusName, allowAlternatives: false), Parse(challenge, challengeName, allowAlternatives: true), fingerprint);
    }

    public static bool IsHeldOut(string text)
    {
        // FNV-1a: stable across runs and runtimes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash % HeldOutOneIn == 0;
    }

    private static List<IntentExample> Parse(string content, string name, bool allowAlternatives)
    {
        var examples = new List<IntentExample>();
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || (i == 0 && line == "intent\ttext"))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || tab == line.Length - 1)
            {
                throw new InvalidDataException($"{name} line {i + 1}: expected 'intent<TAB>text', got '{line}'.");
            }

            var intents = line[..tab].Split('|');
            foreach (var intent in intents)
            {
                if (!Intent.All.Contains(intent))
                {
                    throw new InvalidDataException($"{name} line {i + 1}: unknown intent '{intent}' (known: {string.Join(", ", Intent.All)}).");
                }
            }

            if (intents.Length > 1 && !allowAlternatives)
            {
                throw new InvalidDataException($"{name} line {i + 1}: one intent per training line, got '{line[..tab]}'.");
            }

            examples.Add(new IntentExample(intents, line[(tab + 1)..]));
        }

        return examples;
    }

    internal static string ReadResource(string resource)
    {
        using var stream = typeof(IntentCorpus).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

using System.Text;

namespace Leeway.Agent.Understanding;

/// <summary>
/// Sentence-encoder vectors of texts already encoded, kept in a file between runs of <c>leeway train</c>, so that
/// retraining after a corpus change encodes only the new lines. A cache only: deleting it changes nothing but time.
/// </summary>
internal sealed class EmbeddingCache(SentenceEmbedder embedder, string? path = null)
{
    private const int Batch = 32;
    private readonly Dictionary<string, float[]> vectors = Read(path);

    /// <summary>Vectors of <paramref name="texts"/>, in order; encodes the ones not cached, reporting (done, total) as it goes.</summary>
    public float[][] Embed(IReadOnlyList<string> texts, Action<int, int>? progress = null)
    {
        var missing = texts.Where(t => !vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        for (var at = 0; at < missing.Count; at += Batch)
        {
            var batch = missing.Skip(at).Take(Batch).ToList();
            var encoded = embedder.Embed(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                vectors[batch[i]] = encoded[i];
            }

            progress?.Invoke(Math.Min(at + Batch, missing.Count), missing.Count);
        }

        if (missing.Count > 0)
        {
            Write();
        }

        return texts.Select(t => vectors[t]).ToArray();
    }

    private void Write()
    {
        if (path is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new BinaryWriter(File.Create(path), Encoding.UTF8);
        writer.Write(vectors.Count);
        foreach (var (text, vector) in vectors)
        {
            writer.Write(text);
            writer.Write(vector.Length);
            foreach (var x in vector)
            {
                writer.Write(x);
            }
        }
    }

    private static Dictionary<string, float[]> Read(string? path)
    {
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (path is null || !File.Exists(path))
        {
            return found;
        }

        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var text = reader.ReadString();
            var vector = new float[reader.ReadInt32()];
            for (var j = 0; j < vector.Length; j++)
            {
                vector[j] = reader.ReadSingle();
            }

            found[text] = vector;
        }

        return found;
    }
}

using Leeway.Agent.Understanding;

namespace Leeway.Tests.Agent.Understanding;

/// <summary>The shipped sentence encoder (all-MiniLM-L6-v2 inside its NuGet package), run for real.</summary>
public sealed class SentenceEmbedderTests
{
    [Fact]
    public void Each_text_becomes_a_unit_vector_of_384_numbers_in_order()
    {
        var vectors = SentenceEmbedder.Shared.Embed(["I was charged twice", "", "what's the weather like"]);
        Assert.Equal(3, vectors.Length);
        Assert.All(vectors, v =>
        {
            Assert.Equal(SentenceEmbedder.Dimension, v.Length);
            Assert.InRange(Math.Sqrt(v.Sum(x => (double)x * x)), 0.99, 1.01);
        });
    }

    [Fact]
    public void A_paraphrase_lies_closer_than_an_unrelated_sentence()
    {
        var v = SentenceEmbedder.Shared.Embed(["you billed me two times this month", "I got charged twice for the same month", "is it going to rain tomorrow"]);
        Assert.True(Cosine(v[0], v[1]) > Cosine(v[0], v[2]) + 0.2, $"{Cosine(v[0], v[1]):0.00} vs {Cosine(v[0], v[2]):0.00}");
    }

    [Fact]
    public void A_long_rambling_message_is_cut_for_the_encoder_and_still_encoded()
    {
        var rambling = string.Concat(Enumerable.Repeat("so anyway my card was declined again and I have no idea why ", 40));
        var vector = SentenceEmbedder.Shared.Embed(rambling);
        Assert.Equal(SentenceEmbedder.Dimension, vector.Length);
    }

    [Fact]
    public void The_same_text_gives_the_same_vector_and_cached_vectors_survive_a_reload()
    {
        var path = Path.Combine(Path.GetTempPath(), $"leeway-embeddings-{Guid.NewGuid():N}.bin");
        try
        {
            var first = new EmbeddingCache(SentenceEmbedder.Shared, path).Embed(["refund it please", "cancel my plan"]);
            var reloaded = new EmbeddingCache(SentenceEmbedder.Shared, path);
            var again = reloaded.Embed(["cancel my plan", "refund it please"]);
            Assert.Equal(first[0], again[1]);
            Assert.Equal(first[1], again[0]);
            Assert.Equal(SentenceEmbedder.Shared.Embed("refund it please"), first[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}

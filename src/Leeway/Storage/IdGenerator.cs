using System.Security.Cryptography;

namespace Leeway.Storage;

/// <summary>The one source of new ids: a prefix and 20 random base-62 characters, like Stripe's.</summary>
internal sealed class IdGenerator
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public string NewId(string prefix) => prefix + "_" + RandomNumberGenerator.GetString(Alphabet, 20);
}

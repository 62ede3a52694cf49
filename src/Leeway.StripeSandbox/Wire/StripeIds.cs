using System.Security.Cryptography;

namespace Leeway.StripeSandbox.Wire;

/// <summary>Stripe-looking ids: a prefix and 24 random base-62 characters.</summary>
internal static class StripeIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix, int length = 24) =>
        prefix + new string(RandomNumberGenerator.GetItems<char>(Alphabet, length));
}

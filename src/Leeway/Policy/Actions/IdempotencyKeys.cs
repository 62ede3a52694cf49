using System.Security.Cryptography;
using System.Text;
using Leeway.Identity;
using Leeway.Storage;

namespace Leeway.Policy.Actions;

/// <summary>
/// The idempotency key of a decision: <c>leeway:{action}:{sha256(principal|decisionKey|canonical parameters)[..32]}</c>.
/// It leaves out the actor and the time, so the same decision (however often it is repeated, retried or double-clicked)
/// always carries the same key and Stripe acts on it once.
/// </summary>
internal static class IdempotencyKeys
{
    public static string For(Principal principal, string decisionKey, BillingAction action)
    {
        var material = $"{principal}|{decisionKey}|{ActionParameters.Canonical(action)}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
        return $"leeway:{WireName.Of(action.Type)}:{hash[..32]}";
    }
}

namespace Leeway.Humans.Console;

/// <summary>Why a sign-in through the identity provider was refused: the <c>reason</c> of <c>/console/sign-in/refused</c>.</summary>
internal static class SignInRefusal
{
    public const string NoRole = "no_role";
    public const string Disabled = "disabled";
    public const string NoEmail = "no_email";
    public const string EmailUnverified = "email_unverified";
    public const string ProviderError = "provider_error";

    /// <summary>The sentence the refused page shows, naming the provider by <paramref name="provider"/> (its display name).</summary>
    public static string Explain(string? reason, string provider) => reason switch
    {
        NoRole => $"You signed in at {provider}, but your account there has no role in the billing console. Ask whoever manages {provider} to add you to a group that Leeway maps to agent, lead or admin, then sign in again.",
        Disabled => "Your Leeway staff account is disabled. Ask a Leeway admin to enable it if you should have access.",
        NoEmail => $"{provider} did not send an e-mail address for you, and the console needs one to know who you are. Ask whoever manages {provider} to release the e-mail claim to Leeway.",
        EmailUnverified => $"{provider} says your e-mail address is not verified. Verify it there, then sign in again.",
        _ => $"Signing in through {provider} did not complete. Try again; if it keeps failing, an admin will find the reason in Leeway's log.",
    };
}

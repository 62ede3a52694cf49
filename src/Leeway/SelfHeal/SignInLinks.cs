using System.Collections.Concurrent;
using Leeway.Billing;
using Leeway.Identity;
using Leeway.Prevent;
using Leeway.Prevent.Nudges;
using Leeway.Storage;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Leeway.SelfHeal;

/// <summary>
/// Fresh sign-in links by e-mail, asked for on the signed-out page: a token for the customer the address belongs to,
/// valid <see cref="Lifetime"/> and once (its use is recorded in <see cref="RevokedCredentials"/>, atomically), sent
/// to that address only. The page answers the same whether or not the address is known, and the lookup and the send
/// happen after the answer, so neither the words nor the time tell who has an account. At most
/// <see cref="PerAddress"/> links per address per <see cref="Window"/> (the page's rate limit counts callers by IP).
/// </summary>
internal sealed class SignInLinks(
    CustomerLookup customers,
    CustomerTokens tokens,
    RevokedCredentials revoked,
    IServiceProvider services,
    IOptions<BillingOptions> billing,
    IdGenerator ids,
    TimeProvider time,
    ILogger<SignInLinks> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    public const int PerAddress = 3;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>The query parameter of an e-mailed link on the sign-in page.</summary>
    public const string QueryParameter = "link";

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _sent = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Starts sending a link to <paramref name="email"/> if it is a customer's; returns at once, whatever the address.</summary>
    public void Request(string email, MeterSays says)
    {
        if (!Allowed(email))
        {
            logger.LogWarning("Sign-in links: the limit of {Count} per {Window} for one address was reached", PerAddress, Window);
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await SendAsync(email, says, CancellationToken.None);
            }
            catch (Exception e)
            {
                // Never the address or the link in the log: only that a send failed.
                logger.LogError(e, "A sign-in link could not be sent");
            }
        });
    }

    /// <summary>The customer an e-mailed link signs in, once; null when it is forged, expired or already used.</summary>
    public async Task<string?> UseAsync(string link, CancellationToken ct)
    {
        if (tokens.Validate(link) is not { } customerId)
        {
            return null;
        }

        return await revoked.RevokeOnceAsync(RevokedCredentials.TokenId(link), Lifetime + TimeSpan.FromMinutes(5), ct) ? customerId : null;
    }

    private bool Allowed(string email)
    {
        var now = time.GetUtcNow();
        var sent = _sent.GetOrAdd(email.Trim(), _ => new Queue<DateTimeOffset>());
        lock (sent)
        {
            while (sent.Count > 0 && sent.Peek() < now - Window)
            {
                sent.Dequeue();
            }

            if (sent.Count >= PerAddress)
            {
                return false;
            }

            sent.Enqueue(now);
            return true;
        }
    }

    private async Task SendAsync(string email, MeterSays says, CancellationToken ct)
    {
        var found = await customers.ByEmailAsync(email, ct);
        if (found.Count == 0)
        {
            return;
        }

        // One link per account the address holds; each opens only its own.
        foreach (var customerId in found)
        {
            var link = tokens.Issue(customerId, Lifetime);
            var url = $"{billing.Value.PublicBaseUrl.TrimEnd('/')}{CustomerCookieAuthenticationHandler.SignInPath}?{QueryParameter}={Uri.EscapeDataString(link)}";
            using var message = new MimeMessage
            {
                Subject = says.Text("Mail.Subject"),
                Date = time.GetUtcNow(),
                Body = new TextPart("plain") { Text = says.Text("Mail.Body", url, (int)Lifetime.TotalMinutes) },
            };
            message.To.Add(MailboxAddress.Parse(email));
            message.Headers.Add("X-Leeway-Sign-In", "link");
            await services.GetRequiredService<NudgeMailer>().SendMessageAsync(message, ids.NewId("signin"), ct);
        }
    }
}

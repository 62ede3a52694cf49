using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace Leeway.Prevent;

/// <summary>Sends claimed e-mail nudges and records the outcome; a failed send stays pending and is tried again later.</summary>
internal sealed class NudgeDispatcher(NudgeOutbox outbox, NudgeMailer mailer, ILogger<NudgeDispatcher> logger)
{
    private const int BatchSize = 50;

    /// <returns>True when the mail server (or the pickup folder) took it.</returns>
    public async Task<bool> SendAsync(StoredNudge nudge, CancellationToken cancellationToken)
    {
        try
        {
            await mailer.SendAsync(nudge, cancellationToken);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the claim expires and the e-mail is tried again, as after a crash.
            throw;
        }
        catch (Exception e) when (e is IOException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
            or ServiceNotAuthenticatedException or MailKit.Security.AuthenticationException or System.Net.Sockets.SocketException
            or InvalidOperationException or TimeoutException or OperationCanceledException or UnauthorizedAccessException or ParseException)
        {
            logger.LogWarning(e, "Sending nudge {NudgeId} ({Reason}) failed; it stays pending", nudge.Nudge.Id, nudge.Nudge.Reason);
            await outbox.MarkSendFailedAsync(nudge.Nudge.Id, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
            return false;
        }

        await outbox.MarkSentAsync(nudge.Nudge.Id, cancellationToken);
        return true;
    }

    /// <summary>Sends every pending e-mail that is due.</summary>
    /// <returns>How many went out.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            var batch = await outbox.ClaimDueEmailsAsync(BatchSize, cancellationToken);
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (nudge, ct) =>
            {
                if (await SendAsync(nudge, ct))
                {
                    Interlocked.Increment(ref sent);
                }
            });

            if (batch.Count < BatchSize)
            {
                return sent;
            }
        }
    }
}

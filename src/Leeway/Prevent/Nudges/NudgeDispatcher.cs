using System.Threading.Channels;
using Leeway.Storage;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace Leeway.Prevent.Nudges;

/// <summary>
/// Sends claimed e-mail nudges and records the outcome; a failed send stays pending and is tried again later.
/// New nudges are queued (<see cref="Queue"/>) and sent by <see cref="NudgeSender"/>, so a slow mail server never holds
/// up Stripe's acknowledgement; a nudge still queued when the host stops is in the outbox, and sent by
/// <see cref="SendDueAsync"/> once its claim expires.
/// </summary>
internal sealed class NudgeDispatcher(NudgeOutbox outbox, NudgeMailer mailer, PreventObservers observers, ILogger<NudgeDispatcher> logger)
{
    private const int BatchSize = 50;

    private readonly Channel<StoredNudge> _queue = Channel.CreateBounded<StoredNudge>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<StoredNudge> Queued => _queue.Reader;

    /// <summary>Hands a just-stored (and claimed) e-mail nudge to the senders.</summary>
    public void Queue(StoredNudge nudge)
    {
        if (!_queue.Writer.TryWrite(nudge))
        {
            logger.LogWarning("The e-mail queue is full; nudge {NudgeId} is sent by the scheduler once its claim expires", nudge.Nudge.Id);
        }
    }

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
            logger.LogWarning(e, "Sending nudge {NudgeId} ({Reason}) failed; it stays pending", nudge.Nudge.Id, WireName.Of(nudge.Nudge.Reason));
            await outbox.MarkSendFailedAsync(nudge.Nudge.Id, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
            return false;
        }

        await outbox.MarkSentAsync(nudge.Nudge.Id, cancellationToken);
        await observers.NudgeSentAsync(nudge.Nudge with { State = NudgeState.Sent });
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

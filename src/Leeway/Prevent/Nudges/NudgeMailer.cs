using System.Collections.Concurrent;
using Leeway.Storage;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Leeway.Prevent.Nudges;

/// <summary>
/// Sends nudge e-mails over SMTP (MailKit), keeping up to <see cref="SmtpOptions.Connections"/> connections open so a
/// burst does not pay a handshake per message. With no <see cref="SmtpOptions.Host"/>, writes each message as an
/// <c>.eml</c> file to the pickup folder instead (development and eval), which counts as sent.
/// The Message-ID is derived from the nudge id, so a message sent twice after a crash is recognizably the same one.
/// </summary>
internal sealed class NudgeMailer : IAsyncDisposable
{
    private readonly SmtpOptions _smtp;
    private readonly string _pickupDirectory;
    private readonly ConcurrentBag<SmtpClient> _idle = [];
    private readonly SemaphoreSlim _connections;

    public NudgeMailer(IOptions<PreventOptions> options, IOptions<StorageOptions> storage)
    {
        _smtp = options.Value.Smtp;
        _pickupDirectory = string.IsNullOrWhiteSpace(_smtp.PickupDirectory)
            ? Path.Combine(storage.Value.DataDirectory, "mail-pickup")
            : _smtp.PickupDirectory;
        _connections = new SemaphoreSlim(_smtp.Connections);
    }

    /// <summary>True when messages go to the pickup folder rather than an SMTP server.</summary>
    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(_smtp.Host);

    public string PickupDirectory => _pickupDirectory;

    /// <exception cref="InvalidOperationException">The nudge has no recipient.</exception>
    public async Task SendAsync(StoredNudge nudge, CancellationToken cancellationToken)
    {
        using var message = Compose(nudge);
        await SendMessageAsync(message, nudge.Nudge.Id, cancellationToken);
    }

    /// <summary>Sends another message the product writes (a sign-in link) the same way, from <see cref="SmtpOptions.From"/>.</summary>
    /// <param name="id">Names the message in the pickup folder.</param>
    internal async Task SendMessageAsync(MimeMessage message, string id, CancellationToken cancellationToken)
    {
        if (message.From.Count == 0)
        {
            message.From.Add(MailboxAddress.Parse(_smtp.From));
        }

        if (UsesPickupFolder)
        {
            await WriteToPickupAsync(message, id, cancellationToken);
            return;
        }

        await _connections.WaitAsync(cancellationToken);
        try
        {
            // A kept connection may have been closed by the server since; one fresh try before giving up.
            if (_idle.TryTake(out var kept))
            {
                try
                {
                    await SendOnAsync(kept, message, cancellationToken);
                    return;
                }
                catch (Exception e) when (e is ServiceNotConnectedException or ServiceNotAuthenticatedException or IOException or SmtpProtocolException)
                {
                    kept.Dispose();
                }
            }

            await SendOnAsync(await ConnectAsync(cancellationToken), message, cancellationToken);
        }
        finally
        {
            _connections.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var client))
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or ServiceNotConnectedException or OperationCanceledException)
            {
                // Closing anyway.
            }

            client.Dispose();
        }

        _connections.Dispose();
    }

    private async Task SendOnAsync(SmtpClient client, MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        _idle.Add(client);
    }

    /// <summary>Connects to the SMTP server, signs in when credentials are set, and hangs up (<c>leeway doctor</c>).</summary>
    /// <returns>What was reached, e.g. <c>smtp.example.com:587, encrypted, signed in as billing</c>.</returns>
    public async Task<string> CheckServerAsync(CancellationToken cancellationToken)
    {
        using var client = await ConnectAsync(cancellationToken);
        var reached = $"{_smtp.Host}:{_smtp.Port}, {(client.IsSecure ? "encrypted" : "not encrypted")}{(client.IsAuthenticated ? $", signed in as {_smtp.UserName}" : "")}";
        await client.DisconnectAsync(quit: true, cancellationToken);
        return reached;
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = _smtp.TimeoutMs };
        try
        {
            var security = _smtp.Security switch
            {
                "none" => SecureSocketOptions.None,
                "starttls" => SecureSocketOptions.StartTls,
                "ssl" => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.Auto,
            };
            await client.ConnectAsync(_smtp.Host!, _smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(_smtp.UserName))
            {
                await client.AuthenticateAsync(_smtp.UserName, _smtp.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private MimeMessage Compose(StoredNudge stored)
    {
        var nudge = stored.Nudge;
        if (string.IsNullOrWhiteSpace(stored.Recipient))
        {
            throw new InvalidOperationException($"Nudge {nudge.Id} has no recipient address.");
        }

        var message = new MimeMessage
        {
            Subject = stored.Subject,
            MessageId = $"{nudge.Id}@leeway",
            Date = nudge.CreatedAt,
            Body = new TextPart("plain") { Text = stored.Body },
        };
        // Parsed per message: the start-up validation (Prevent:Smtp:From) may not have run when this was constructed.
        message.From.Add(MailboxAddress.Parse(_smtp.From));
        message.To.Add(MailboxAddress.Parse(stored.Recipient));
        message.Headers.Add("X-Leeway-Nudge", nudge.Id);
        message.Headers.Add("X-Leeway-Reason", WireName.Of(nudge.Reason));
        message.Headers.Add("X-Leeway-Object", nudge.ObjectId);
        return message;
    }

    private async Task WriteToPickupAsync(MimeMessage message, string nudgeId, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_pickupDirectory);
        var path = Path.Combine(_pickupDirectory, nudgeId + ".eml");
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}

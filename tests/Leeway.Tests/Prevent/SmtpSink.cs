using MimeKit;

namespace Leeway.Tests.Prevent;

/// <summary>
/// The real SMTP server <c>./test.sh</c> starts (scripts/test-services.d/smtp.sh: Debian's python3-aiosmtpd), which saves
/// every message it accepts as an <c>.eml</c> file in <c>LEEWAY_SMTP_DIR</c>.
/// </summary>
internal static class SmtpSink
{
    public static string Host => Variable("LEEWAY_SMTP_HOST");

    public static string Port => Variable("LEEWAY_SMTP_PORT");

    public static string Folder => Variable("LEEWAY_SMTP_DIR");

    /// <summary>The message carrying this nudge id, once the server has saved it (waits up to 10 s).</summary>
    public static async Task<MimeMessage> WaitForAsync(string nudgeId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            foreach (var file in Directory.EnumerateFiles(Folder, "*.eml"))
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.Headers["X-Leeway-Nudge"] == nudgeId)
                {
                    return message;
                }

                message.Dispose();
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The SMTP server in {Folder} received no message for nudge {nudgeId}.");
            }

            await Task.Delay(50);
        }
    }

    private static string Variable(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: these tests need the SMTP server that ./test.sh starts (or run `source scripts/test-services.d/smtp.sh` first).");
}

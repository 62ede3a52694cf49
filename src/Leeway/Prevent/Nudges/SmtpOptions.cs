using System.ComponentModel.DataAnnotations;

namespace Leeway.Prevent.Nudges;

/// <summary>Where nudge e-mails go (section <c>Prevent:Smtp</c>). No host: e-mails are written as <c>.eml</c> files
/// to <see cref="PickupDirectory"/> and count as sent (development, eval).</summary>
internal sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65_535)]
    public int Port { get; set; } = 25;

    /// <summary>An RFC 5322 mailbox, e.g. <c>Leeway Billing &lt;billing@example.com&gt;</c>.</summary>
    [Required]
    public string From { get; set; } = "Leeway Billing <billing@leeway.local>";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary><c>auto</c> (STARTTLS when the server offers it), <c>none</c>, <c>starttls</c> or <c>ssl</c>.</summary>
    [RegularExpression("^(auto|none|starttls|ssl)$")]
    public string Security { get; set; } = "auto";

    /// <summary>Connections kept open to the server, so a burst of nudges does not pay a handshake each.</summary>
    [Range(1, 64)]
    public int Connections { get; set; } = 4;

    [Range(100, 120_000)]
    public int TimeoutMs { get; set; } = 10_000;

    /// <summary>Used when <see cref="Host"/> is empty. Empty: <c>mail-pickup</c> in <c>Storage:DataDirectory</c>.</summary>
    public string? PickupDirectory { get; set; }
}

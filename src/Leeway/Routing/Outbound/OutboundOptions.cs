using System.ComponentModel.DataAnnotations;

namespace Leeway.Routing.Outbound;

/// <summary>
/// Where Leeway tells other systems what happened (Slack, Zendesk, Salesforce, a team's own service): signed webhooks
/// per destination. Section <c>Outbound</c>; none configured: nothing is sent. docs/integrate.md shows the receiving side.
/// </summary>
internal sealed class OutboundOptions : IValidatableObject
{
    public const string Section = "Outbound";

    public List<OutboundDestination> Destinations { get; set; } = [];

    /// <summary>Attempts before a delivery is given up (and left in the delivery log as failed).</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The first retry waits this long; each next one twice as long, up to an hour.</summary>
    [Range(10, 3_600_000)]
    public int RetryBaseMilliseconds { get; set; } = 10_000;

    /// <summary>How often each host looks for deliveries that are due.</summary>
    [Range(10, 60_000)]
    public int PollMilliseconds { get; set; } = 1_000;

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Destinations.Count; i++)
        {
            var destination = Destinations[i];
            var key = $"{Section}:Destinations:{i}";
            if (string.IsNullOrWhiteSpace(destination.Name))
            {
                yield return new ValidationResult($"{key}:Name is empty; name each destination (e.g. slack), it is how the delivery log tells them apart.");
            }

            if (!Uri.TryCreate(destination.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            {
                yield return new ValidationResult($"{key}:Url '{destination.Url}' is not an http(s) URL, e.g. https://hooks.example.com/leeway.");
            }

            if (System.Text.Encoding.UTF8.GetByteCount(destination.Secret ?? "") < 32)
            {
                yield return new ValidationResult($"{key}:Secret is shorter than 32 bytes; the receiver checks the signature with it (e.g. openssl rand -hex 32).");
            }

            foreach (var type in destination.Events.Where(e => !OutboundEventTypes.All.Contains(e)))
            {
                yield return new ValidationResult($"{key}:Events has '{type}', which Leeway does not send; use some of {string.Join(", ", OutboundEventTypes.All)} (none: all).");
            }
        }

        foreach (var twice in Destinations.GroupBy(d => d.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new ValidationResult($"{Section}:Destinations: the name '{twice.Key}' is used {twice.Count()} times; each destination needs its own.");
        }
    }
}

/// <summary>One receiver: where to post, the secret that signs, and which events it wants (none listed: all).</summary>
internal sealed class OutboundDestination
{
    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    public string Secret { get; set; } = "";

    public List<string> Events { get; set; } = [];

    public bool Wants(string type) => Events.Count == 0 || Events.Contains(type, StringComparer.Ordinal);
}

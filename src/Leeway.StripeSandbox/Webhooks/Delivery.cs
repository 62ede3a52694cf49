namespace Leeway.StripeSandbox.Webhooks;

/// <summary>One event on its way to one endpoint, with its attempts and, while it keeps failing, the next retry.</summary>
internal sealed class Delivery
{
    public required string Id { get; init; }

    public required string EventId { get; init; }

    public required string EventType { get; init; }

    public required string EndpointId { get; init; }

    public required string Url { get; init; }

    public required string Secret { get; init; }

    public required string Payload { get; init; }

    /// <summary>Sandbox time of the first attempt's scheduling; retries stop three days after it.</summary>
    public long FirstScheduled { get; init; }

    public List<DeliveryAttempt> Attempts { get; } = [];

    /// <summary><c>pending</c> (first attempt or a retry to come), <c>succeeded</c> or <c>failed</c> (gave up).</summary>
    public string Status { get; set; } = "pending";

    /// <summary>When the next retry is due on the sandbox clock; null when none is.</summary>
    public long? NextAttempt { get; set; }

    /// <summary>When the next retry is due in real time (standalone use, where nobody advances the clock).</summary>
    public DateTimeOffset? NextAttemptReal { get; set; }

    public TaskCompletionSource FirstAttempt { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

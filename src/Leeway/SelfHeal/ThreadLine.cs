namespace Leeway.SelfHeal;

/// <summary>One line of the customer's conversation: who (customer, lee, human), their name as shown, what and when.</summary>
internal sealed record ThreadLine(string Kind, string Who, string Text, DateTimeOffset At);

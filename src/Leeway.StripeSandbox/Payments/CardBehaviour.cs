namespace Leeway.StripeSandbox.Payments;

/// <summary>What the next charges on a card do: <c>succeed</c>, <c>requires_authentication</c> or <c>decline:&lt;decline_code&gt;</c>.</summary>
internal sealed record CardBehaviour(string Kind, string? DeclineCode)
{
    public static CardBehaviour Succeed { get; } = new("succeed", null);

    public static CardBehaviour RequiresAuthentication { get; } = new("requires_authentication", null);

    public bool Declines => Kind == "decline";

    public static bool TryParse(string? text, out CardBehaviour behaviour)
    {
        behaviour = Succeed;
        switch (text)
        {
            case null or "" or "succeed":
                return true;
            case "requires_authentication":
                behaviour = RequiresAuthentication;
                return true;
        }

        if (text.StartsWith("decline:", StringComparison.Ordinal) && text.Length > "decline:".Length
            && text["decline:".Length..].All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            behaviour = new CardBehaviour("decline", text["decline:".Length..]);
            return true;
        }

        return false;
    }

    public override string ToString() => Declines ? $"decline:{DeclineCode}" : Kind;
}

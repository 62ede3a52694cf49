using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

/// <summary>An object's last state, for an event about something that no longer renders as it was (a deleted customer).</summary>
internal sealed class FrozenObject : StripeObject
{
    private readonly JsonObject _state;

    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public FrozenObject(string id, JsonObject state)
    {
        Id = id;
        _state = state;
    }

    public override string ObjectType => _state["object"]?.GetValue<string>() ?? "unknown";

    public override JsonObject Render(RenderContext context) => (JsonObject)_state.DeepClone();
}

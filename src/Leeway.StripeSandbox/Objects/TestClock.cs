using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

internal sealed class TestClock : StripeObject
{
    public override string ObjectType => "test_helpers.test_clock";

    public string? Name { get; set; }

    public long FrozenTime { get; set; }

    public string Status { get; set; } = "ready";

    public long DeletesAfter { get; set; }

    public override JsonObject Render(RenderContext context)
    {
        var json = Start();
        json["name"] = Name;
        json["frozen_time"] = FrozenTime;
        json["status"] = Status;
        json["deletes_after"] = DeletesAfter;
        return json;
    }
}

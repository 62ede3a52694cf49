using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Admin;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Api;

/// <summary><c>/v1/test_helpers/test_clocks</c>. The sandbox has one clock per world: advancing a test clock moves it
/// (never backwards) and runs what falls due on the way.</summary>
internal static class TestClocksApi
{
    public static JsonObject Create(ApiCall call)
    {
        var world = call.World;
        var frozen = call.Params.Long("frozen_time") ?? throw ApiException.InvalidRequest("Missing required param: frozen_time.", "frozen_time", "parameter_missing");
        var clock = world.Add(new TestClock
        {
            Id = StripeIds.New("clock_"),
            Created = world.Now,
            FrozenTime = frozen,
            Name = call.Params.NonEmpty("name"),
            DeletesAfter = world.Now + (30 * 24 * 3600),
        });
        world.Emit("test_helpers.test_clock.created", clock);
        return call.Render(clock);
    }

    public static JsonObject Retrieve(ApiCall call) => call.Render(call.World.Get<TestClock>(call.Route("id"), "test_helpers.test_clock"));

    public static JsonObject List(ApiCall call) => ListPage.Of(call, call.World.All<TestClock>(), "/v1/test_helpers/test_clocks");

    public static JsonObject Advance(ApiCall call)
    {
        var world = call.World;
        var clock = world.Get<TestClock>(call.Route("id"), "test_helpers.test_clock");
        var frozen = call.Params.Long("frozen_time") ?? throw ApiException.InvalidRequest("Missing required param: frozen_time.", "frozen_time", "parameter_missing");
        if (frozen <= clock.FrozenTime)
        {
            throw ApiException.InvalidRequest($"The frozen_time ({frozen}) must be after the test clock's current frozen_time ({clock.FrozenTime}).", "frozen_time");
        }

        clock.FrozenTime = frozen;
        if (frozen > world.Now)
        {
            DueWork.RunUntil(world, frozen);
        }

        clock.Status = "ready";
        world.Emit("test_helpers.test_clock.ready", clock);
        return call.Render(clock);
    }

    public static JsonObject Delete(ApiCall call)
    {
        var clock = call.World.Get<TestClock>(call.Route("id"), "test_helpers.test_clock");
        call.World.Remove(clock.Id);
        return new JsonObject { ["id"] = clock.Id, ["object"] = "test_helpers.test_clock", ["deleted"] = true };
    }
}

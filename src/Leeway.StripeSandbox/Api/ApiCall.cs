using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Leeway.StripeSandbox.Api;

/// <summary>One Stripe API request as a handler sees it (always under the world lock).</summary>
internal sealed class ApiCall(World world, Params parameters, HttpContext http)
{
    private ExpandTree? _expand;

    public World World { get; } = world;

    public Params Params { get; } = parameters;

    public HttpContext Http { get; } = http;

    public ExpandTree Expand => _expand ??= ExpandTree.From(Params.Strings("expand"));

    public string Route(string name) => (string)Http.GetRouteValue(name)!;

    public JsonObject Render(StripeObject item) => World.Render(item, Expand);
}

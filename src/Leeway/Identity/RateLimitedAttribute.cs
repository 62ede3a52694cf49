namespace Leeway.Identity;

/// <summary>
/// Marks an endpoint (or a Razor page, for one of its handlers) as counted against one of <see cref="RateLimits"/>'
/// kinds. On a page, <see cref="Method"/> and <see cref="Handler"/> pick the requests that count: the meter's page is
/// read freely, only its chat and "talk to a person" posts are limited.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
internal sealed class RateLimitedAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;

    /// <summary>The HTTP method that counts; null: any.</summary>
    public string? Method { get; init; }

    /// <summary>The page handler that counts (<c>?handler=…</c>); null: any, empty: the page's default handler only.</summary>
    public string? Handler { get; init; }

    public bool Matches(HttpContext http)
    {
        if (Method is not null && !string.Equals(http.Request.Method, Method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Handler is null)
        {
            return true;
        }

        var handler = http.GetRouteValue("handler") as string ?? http.Request.Query["handler"].ToString();
        return string.Equals(handler ?? "", Handler, StringComparison.OrdinalIgnoreCase);
    }
}

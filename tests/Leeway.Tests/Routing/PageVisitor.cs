using System.Net;
using System.Text.RegularExpressions;

namespace Leeway.Tests.Routing;

/// <summary>
/// A person on the server-rendered pages over plain HTTP: a cookie jar, no redirects followed (tests see them), and
/// the forms read off the page as a browser would submit them (hidden fields and the antiforgery token included).
/// </summary>
internal sealed partial class PageVisitor : IDisposable
{
    private readonly HttpClient _http;
    private string _lastPage = "/";

    public PageVisitor(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public void SetCookie(string name, string value) => Cookies.Add(_http.BaseAddress!, new Cookie(name, value));

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public async Task<string> PageAsync(string path)
    {
        _lastPage = path;
        using var response = await _http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        return html;
    }

    /// <summary>Submits the form on <paramref name="html"/> (the page last read) whose opening tag contains <paramref name="marker"/>, with its fields plus <paramref name="extra"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string html, string marker, IReadOnlyDictionary<string, string>? extra = null)
    {
        var form = FormPattern().Matches(html).FirstOrDefault(m => m.Groups["open"].Value.Contains(marker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form with '{marker}' on the page.");
        var fields = new Dictionary<string, string>();
        foreach (Match input in InputPattern().Matches(form.Groups["body"].Value))
        {
            var tag = input.Value;
            if (Attribute(tag, "type") is "hidden" && Attribute(tag, "name") is { } name)
            {
                fields[name] = WebUtility.HtmlDecode(Attribute(tag, "value") ?? "");
            }
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            fields[key] = value;
        }

        var action = WebUtility.HtmlDecode(Attribute(form.Groups["open"].Value, "action") ?? "");
        using var content = new FormUrlEncodedContent(fields);
        // Relative to the page it came from, as a browser resolves it (the pages post to "?handler=…").
        return await _http.PostAsync(new Uri(new Uri(_http.BaseAddress!, _lastPage), action), content);
    }

    public void Dispose() => _http.Dispose();

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, "\\s" + name + "=\"(?<v>[^\"]*)\"") is { Success: true } m ? m.Groups["v"].Value : null;

    [GeneratedRegex("""(?<open><form\b[^>]*>)(?<body>.*?)</form>""", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<input\b[^>]*>""")]
    private static partial Regex InputPattern();
}

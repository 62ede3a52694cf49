using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Leeway.Tests.Cli;

/// <summary><c>leeway serve</c> as a real process: a quiet start, the banner first, and <c>/</c> leading somewhere.</summary>
public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Starts_quietly_with_the_banner_first_and_the_root_lists_the_demo_entry_points()
    {
        var root = LeewayProcess.TempFolder("serve");
        var port = LeewayProcess.FreePort();
        using var process = LeewayProcess.Start(root, null, "serve", "--urls", $"http://127.0.0.1:{port}", "--data", "data");
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var first = await ReadLineAsync(process);
            var banner = new List<string> { first };
            while (!banner[^1].Contains("Ctrl+C to stop", StringComparison.Ordinal))
            {
                banner.Add(await ReadLineAsync(process));
            }

            Assert.StartsWith($"Leeway is running at http://127.0.0.1:{port}", first);
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            using var index = await http.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, index.StatusCode);
            Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
            var html = await index.Content.ReadAsStringAsync();
            Assert.Contains("href=\"/console\"", html);
            Assert.Contains("href=\"/openapi/v1.json\"", html);
            var links = SignInLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
            Assert.Equal(Leeway.Cli.DemoWorld.Load(DateTimeOffset.UtcNow).Customers.Count, links.Count); // one per demo customer

            // A link signs in as that customer: /me hands the token to the meter's sign-in page, which accepts it
            // (200, not the 401 of a bad token).
            using var hop = await http.GetAsync(links[0]);
            Assert.Equal(HttpStatusCode.Found, hop.StatusCode);
            Assert.StartsWith("/me/sign-in?token=", hop.Headers.Location?.OriginalString);
            using var signIn = await http.GetAsync(hop.Headers.Location);
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        // Quiet: no information-level logs (HttpClient's request lines among them) on either stream.
        var errors = await stderr;
        var rest = await process.StandardOutput.ReadToEndAsync();
        Assert.DoesNotContain("info:", errors + rest);
        Assert.DoesNotContain("System.Net.Http.HttpClient", errors + rest);
        Assert.DoesNotContain("   at ", errors);
    }

    private static async Task<string> ReadLineAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException($"serve ended (exit {process.ExitCode}) before its banner.");
    }

    [GeneratedRegex("href=\"(/me\\?token=[^\"]+)\"")]
    private static partial Regex SignInLink();
}

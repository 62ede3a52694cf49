using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Leeway.Bench;

internal static class SandboxSetup
{
    /// <summary>Posts to the sandbox's admin API (<c>/_sandbox/world</c>, <c>/_sandbox/faults</c>); a refusal stops the benchmark with the sandbox's reason.</summary>
    public static async Task PostAsync(HttpClient http, string path, JsonObject body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sandbox {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox;

/// <summary>
/// Every <c>/v1</c> request a sandbox answered (method, path, the form pairs as sent, status, the JSON answer) and every
/// webhook payload it posted, one JSON object a line: the two inputs <c>../shared/stripe/stripe_spec_check.py</c> reads
/// (<c>--trace</c>, <c>--webhooks</c>), which hold the traffic against Stripe's own API definition. One trace may be
/// shared by sandboxes running side by side (eval's worlds): lines are written whole, under one lock.
/// </summary>
public sealed class SandboxTrace : IDisposable
{
    private readonly Lock _sync = new();
    private readonly StreamWriter _requests;
    private readonly StreamWriter _webhooks;

    /// <summary>Writes <c>requests.jsonl</c> and <c>webhooks.jsonl</c> in <paramref name="directory"/> (created; files replaced).</summary>
    public SandboxTrace(string directory)
    {
        Directory.CreateDirectory(directory);
        RequestsFile = Path.Combine(directory, "requests.jsonl");
        WebhooksFile = Path.Combine(directory, "webhooks.jsonl");
        _requests = new StreamWriter(RequestsFile, append: false);
        _webhooks = new StreamWriter(WebhooksFile, append: false);
    }

    public string RequestsFile { get; }

    public string WebhooksFile { get; }

    internal void Request(string method, string path, IEnumerable<KeyValuePair<string, string>> parameters, int status, string body)
    {
        var pairs = new JsonArray();
        foreach (var (key, value) in parameters)
        {
            pairs.Add(new JsonArray(key, value));
        }

        // The answer stays the string that was sent: the checker parses it as Stripe's client would.
        var line = new JsonObject { ["method"] = method, ["path"] = path, ["params"] = pairs, ["status"] = status, ["response"] = body }.ToJsonString();
        Write(_requests, line);
    }

    internal void Webhook(string payload) => Write(_webhooks, new JsonObject { ["payload"] = payload }.ToJsonString());

    private void Write(StreamWriter writer, string line)
    {
        lock (_sync)
        {
            writer.WriteLine(line);
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _requests.Dispose();
            _webhooks.Dispose();
        }
    }
}

using System.Text;
using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Wire;
using Microsoft.AspNetCore.Http;

namespace Leeway.StripeSandbox.Api;

/// <summary>
/// Every <c>/v1</c> request goes through here: a <c>Request-Id</c>, the API key check, injected faults, parameters
/// (query and form body), idempotency keys (replay, conflicts), the world lock, Stripe's error envelope, and the record.
/// </summary>
internal static class V1Pipeline
{
    public static RequestDelegate Endpoint(Sandbox sandbox, ApiHandler handler) => http => HandleAsync(sandbox, http, handler);

    private static async Task HandleAsync(Sandbox sandbox, HttpContext http, ApiHandler handler)
    {
        using var inFlight = sandbox.Counts.InFlight();
        var requestId = http.Response.Headers["Request-Id"].ToString() is { Length: > 0 } given ? given : StripeIds.New("req_", 14);
        http.Response.Headers["Request-Id"] = requestId;
        http.Response.Headers["Stripe-Version"] = World.ApiVersion;
        var method = http.Request.Method;
        var mutating = HttpMethods.IsPost(method) || HttpMethods.IsDelete(method);
        var path = http.Request.Path.Value ?? "";
        sandbox.Counts.Add(method, (http.GetEndpoint() as Microsoft.AspNetCore.Routing.RouteEndpoint)?.RoutePattern.RawText);
        var idempotencyKey = mutating && http.Request.Headers.TryGetValue("Idempotency-Key", out var key) && key.ToString().Length > 0 ? key.ToString() : null;

        var root = new FormNode();
        var flat = new List<KeyValuePair<string, string>>();
        FormParser.Parse(http.Request.QueryString.Value ?? "", root, flat);
        if (HttpMethods.IsPost(method))
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            FormParser.Parse(await reader.ReadToEndAsync(http.RequestAborted), root, flat);
        }

        StoredResponse response;
        var replayed = false;
        if (sandbox.Faults.LatencyMs > 0)
        {
            await Task.Delay(sandbox.Faults.LatencyMs, http.RequestAborted);
        }

        if (mutating && sandbox.Faults.WriteLatencyMs > 0)
        {
            // Before anything is applied: a client that gives up first leaves Stripe's state as it was.
            await Task.Delay(sandbox.Faults.WriteLatencyMs, http.RequestAborted);
        }

        if (Unauthorized(sandbox, http) is { } refusal)
        {
            response = Error(refusal, requestId);
        }
        else if (!sandbox.RateLimits.TryAcquire(mutating))
        {
            // Refused before anything runs: no state changes and nothing is stored for the idempotency key.
            http.Response.Headers["Stripe-Rate-Limited-Reason"] = "global-rate";
            response = Error(new ApiException(429, "invalid_request_error",
                "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.")
            { Code = "rate_limit" }, requestId);
        }
        else if (!mutating && sandbox.Faults.ReadMode is { } fault)
        {
            if (fault == "timeout")
            {
                // Hang until the client gives up (capped, so a forgotten fault cannot pin a connection forever).
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(60), http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            http.Response.Headers["Stripe-Should-Retry"] = "false";
            response = Error(new ApiException(500, "api_error", "An unknown error occurred while processing your request (injected fault)."), requestId);
        }
        else if (idempotencyKey is not null)
        {
            (response, replayed) = await Idempotent(sandbox, http, handler, root, flat, idempotencyKey, requestId);
        }
        else
        {
            response = Execute(sandbox, http, handler, root, requestId, null);
        }

        if (mutating)
        {
            sandbox.Requests.Add(new RequestRecord(method, path, flat, idempotencyKey, sandbox.World.Clock.Unix, response.Status, requestId, response.ObjectId, replayed));
        }

        sandbox.Trace?.Request(method, path, flat, response.Status, response.Body);
        if (replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        http.Response.StatusCode = response.Status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(response.Body, http.RequestAborted);
    }

    /// <summary>Stripe's 401 when the request carries no key, or a key this sandbox does not accept: with
    /// <see cref="Sandbox.ApiKey"/> set, only that one; otherwise any test-mode key. Null when the key is accepted.</summary>
    private static ApiException? Unauthorized(Sandbox sandbox, HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || header.Length == "Bearer ".Length)
        {
            return new ApiException(401, "invalid_request_error",
                "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
        }

        var key = header["Bearer ".Length..];
        var accepted = sandbox.ApiKey is { } only
            ? string.Equals(key, only, StringComparison.Ordinal)
            : key.StartsWith("sk_test_", StringComparison.Ordinal) || key.StartsWith("rk_test_", StringComparison.Ordinal);
        return accepted ? null : new ApiException(401, "invalid_request_error", $"Invalid API Key provided: {Masked(key)}");
    }

    /// <summary>As Stripe quotes a key it refused: its prefix, stars, and the last four characters.</summary>
    private static string Masked(string key)
    {
        var prefix = key.IndexOf('_', key.IndexOf('_') + 1) is var second and > 0 ? key[..(second + 1)] : "";
        return key.Length <= prefix.Length + 4 ? new string('*', key.Length) : prefix + new string('*', key.Length - prefix.Length - 4) + key[^4..];
    }

    private static async Task<(StoredResponse, bool)> Idempotent(
        Sandbox sandbox, HttpContext http, ApiHandler handler, FormNode root, List<KeyValuePair<string, string>> flat, string key, string requestId)
    {
        var fingerprint = $"{http.Request.Method} {http.Request.Path}\n{string.Join('&', flat.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}";
        while (true)
        {
            var mine = new IdempotencyEntry(fingerprint, sandbox.World.Clock.Unix);
            var entry = sandbox.Idempotency.GetOrAdd(key, mine);
            if (entry != mine && entry.Response.Task.IsCompleted && entry.ExpiredAt(sandbox.World.Clock.Unix))
            {
                // Pruned: a key at least 24 hours old is a new key again.
                sandbox.Idempotency.TryRemove(new KeyValuePair<string, IdempotencyEntry>(key, entry));
                continue;
            }

            if (entry == mine)
            {
                StoredResponse response;
                try
                {
                    response = Execute(sandbox, http, handler, root, requestId, key, out var store);
                    if (store)
                    {
                        mine.Response.SetResult(response);
                    }
                    else
                    {
                        sandbox.Idempotency.TryRemove(new KeyValuePair<string, IdempotencyEntry>(key, mine));
                        mine.Response.SetResult(null);
                    }
                }
                catch
                {
                    sandbox.Idempotency.TryRemove(new KeyValuePair<string, IdempotencyEntry>(key, mine));
                    mine.Response.TrySetResult(null);
                    throw;
                }

                return (response, false);
            }

            if (entry.Fingerprint != fingerprint)
            {
                return (Error(new ApiException(400, "idempotency_error",
                    $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.")
                { Code = "idempotency_key_in_use" }, requestId), false);
            }

            if (!entry.Response.Task.IsCompleted)
            {
                return (Error(new ApiException(409, "idempotency_error",
                    $"There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): {key}. Please try again later.")
                { Code = "idempotency_key_in_use" }, requestId), false);
            }

            if (await entry.Response.Task is { } stored)
            {
                return (stored, true);
            }

            // The first use stored nothing (it failed validation): the key is free again.
        }
    }

    private static StoredResponse Execute(Sandbox sandbox, HttpContext http, ApiHandler handler, FormNode root, string requestId, string? key) =>
        Execute(sandbox, http, handler, root, requestId, key, out _);

    /// <summary>Runs the handler under the world lock. <paramref name="store"/>: whether the outcome is kept for its
    /// idempotency key: everything once the endpoint began executing (successes, card declines, a 500), not
    /// validation errors (docs.stripe.com/api/idempotent_requests).</summary>
    private static StoredResponse Execute(Sandbox sandbox, HttpContext http, ApiHandler handler, FormNode root, string requestId, string? key, out bool store)
    {
        var world = sandbox.World;
        lock (world.Sync)
        {
            world.CurrentRequest = (requestId, key);
            try
            {
                if (HttpMethods.IsPost(http.Request.Method) && sandbox.Faults.TakeWriteFailure())
                {
                    throw new InvalidOperationException("injected failure after the request began executing");
                }

                var body = handler(new ApiCall(world, new Params(root), http));
                store = true;
                return new StoredResponse(200, body.ToJsonString(JsonWire.Options), ObjectId(body));
            }
            catch (ApiException e)
            {
                store = e.Stored;
                var envelope = e.ToEnvelope(requestId);
                return new StoredResponse(e.Status, envelope.ToJsonString(JsonWire.Options), e.PaymentIntent?["id"]?.GetValue<string>());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The endpoint began executing: Stripe stores the 500 and replays it for the same key.
                store = true;
                return Error(new ApiException(500, "api_error", $"The sandbox failed: {e.GetType().Name}: {e.Message}"), requestId);
            }
            finally
            {
                world.CurrentRequest = null;
                world.TakeEmitted();
            }
        }
    }

    private static StoredResponse Error(ApiException e, string requestId) =>
        new(e.Status, e.ToEnvelope(requestId).ToJsonString(JsonWire.Options), null);

    private static string? ObjectId(JsonObject body) =>
        body["object"]?.GetValue<string>() != "list" && body["id"] is JsonValue id && id.TryGetValue<string>(out var s) ? s : null;
}

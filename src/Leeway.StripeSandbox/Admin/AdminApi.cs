using System.Text.Json;
using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Payments;
using Leeway.StripeSandbox.Webhooks;
using Leeway.StripeSandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Leeway.StripeSandbox.Admin;

/// <summary>
/// The sandbox's own API under <c>/_sandbox</c> (JSON in and out, snake_case): seed a world, move the clock, fire events,
/// register webhook endpoints, inject faults, read the record and any object, and act as the customer would on Stripe's
/// hosted pages. Errors: <c>{"error": "..."}</c>, 400 naming the JSON path and value, 404 for an unknown object.
/// </summary>
internal static class AdminApi
{
    public static void MapAdmin(this IEndpointRouteBuilder app, Sandbox sandbox)
    {
        var admin = app.MapGroup("/_sandbox");
        admin.MapGet("/health", () => "ok");
        admin.MapPost("/world", Endpoint(sandbox, SeedWorld));
        admin.MapGet("/clock", Endpoint(sandbox, Clock));
        admin.MapPost("/clock/advance", Endpoint(sandbox, AdvanceClock));
        admin.MapPost("/webhook_endpoints", Endpoint(sandbox, AddWebhookEndpoint));
        admin.MapGet("/deliveries", Endpoint(sandbox, (s, _, _) => Task.FromResult(s.Webhooks.ToJson())));
        admin.MapPost("/events", Endpoint(sandbox, FireEvent));
        admin.MapPost("/faults", Endpoint(sandbox, SetFaults));
        admin.MapGet("/requests", Endpoint(sandbox, Requests));
        admin.MapGet("/request_counts", Endpoint(sandbox, (s, _, _) => Task.FromResult(s.Counts.ToJson())));
        admin.MapPost("/request_counts/reset", Endpoint(sandbox, (s, _, _) =>
        {
            s.Counts.Clear();
            return Task.FromResult(s.Counts.ToJson());
        }));
        admin.MapGet("/objects/{id}", Endpoint(sandbox, ObjectById));
        admin.MapPost("/checkout/sessions/{id}/complete", Endpoint(sandbox, CompleteCheckout));
        admin.MapPost("/invoices/{id}/authenticate", Endpoint(sandbox, AuthenticateInvoice));
        admin.MapPost("/payment_intents/{id}/authenticate", Endpoint(sandbox, AuthenticateIntent));
        admin.MapPost("/payment_methods/{id}/on_charge", Endpoint(sandbox, SetOnCharge));
        admin.MapPost("/webhooks/drain", Endpoint(sandbox, Drain));
        admin.MapPost("/links/complete", Endpoint(sandbox, CompleteLink));
        admin.MapGet("/smart_retries", Endpoint(sandbox, (s, _, _) => Task.FromResult(s.World.SmartRetries.ToJson())));
        admin.MapPost("/smart_retries", Endpoint(sandbox, SetSmartRetries));
        admin.MapGet("/rate_limits", Endpoint(sandbox, (s, _, _) => Task.FromResult(s.RateLimits.ToJson())));
        admin.MapPost("/rate_limits", Endpoint(sandbox, SetRateLimits));
    }

    private delegate Task<JsonObject> AdminHandler(Sandbox sandbox, SeedNode body, HttpContext http);

    private static RequestDelegate Endpoint(Sandbox sandbox, AdminHandler handler) => async http =>
    {
        int status;
        JsonObject result;
        try
        {
            var body = new SeedNode([], "$");
            if (HttpMethods.IsPost(http.Request.Method) && http.Request.ContentLength is not 0)
            {
                JsonNode? parsed;
                try
                {
                    parsed = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
                }
                catch (JsonException e)
                {
                    throw AdminException.BadRequest($"the body is not valid JSON: {e.Message}");
                }

                body = parsed is null ? body : SeedNode.Root(parsed, "$");
            }

            result = await handler(sandbox, body, http);
            status = 200;
        }
        catch (AdminException e)
        {
            (status, result) = (e.Status, new JsonObject { ["error"] = e.Message });
        }
        catch (ApiException e)
        {
            (status, result) = (e.Status, new JsonObject { ["error"] = e.Message, ["code"] = e.Code, ["decline_code"] = e.DeclineCode });
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(result.ToJsonString(JsonWire.Options), http.RequestAborted);
    };

    private static Task<JsonObject> SeedWorld(Sandbox sandbox, SeedNode body, HttpContext http)
    {
        var world = sandbox.World;
        var now = body.Time("now");
        var root = body.Has("world") ? SeedNode.Root(body.Json["world"], "world") : new SeedNode([], "world");
        lock (world.Sync)
        {
            if (now is { } n)
            {
                world.Clock.Set(UnixTime.From(n));
            }

            var before = world.Count;
            var mark = world.Mark();
            try
            {
                new WorldSeeder(world).Seed(root);
            }
            catch
            {
                // All or nothing: a bad world leaves no half-seeded objects behind.
                world.RemoveSince(mark);
                throw;
            }

            world.TakeEmitted();
            return Task.FromResult(new JsonObject { ["objects"] = world.Count - before });
        }
    }

    private static Task<JsonObject> Clock(Sandbox sandbox, SeedNode body, HttpContext http) =>
        Task.FromResult(new JsonObject { ["now"] = UnixTime.Iso(sandbox.World.Clock.Unix), ["unix"] = sandbox.World.Clock.Unix });

    private static async Task<JsonObject> AdvanceClock(Sandbox sandbox, SeedNode body, HttpContext http)
    {
        var now = sandbox.World.Clock.Unix;
        long target;
        if (body.Time("to") is { } to)
        {
            target = to;
        }
        else if (body.Long("seconds") is { } seconds)
        {
            target = now + seconds;
        }
        else
        {
            throw AdminException.BadRequest("$: give \"seconds\" (a number) or \"to\" (an ISO-8601 time)");
        }

        if (target < now)
        {
            throw AdminException.BadRequest($"$: the clock only moves forward; it is {UnixTime.Iso(now)} and {UnixTime.Iso(target)} is earlier");
        }

        await DueWork.AdvanceAsync(sandbox, target, http.RequestAborted);
        return await Clock(sandbox, body, http);
    }

    private static Task<JsonObject> AddWebhookEndpoint(Sandbox sandbox, SeedNode body, HttpContext http)
    {
        var url = body.RequiredString("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            throw body.Bad("url", "an absolute URL");
        }

        var secret = body.String("secret") ?? "whsec_" + StripeIds.New("", 32);
        var events = body.Json["enabled_events"] is JsonArray list ? list.Select(e => e?.GetValue<string>() ?? "*").ToList() : ["*"];
        var version = body.String("api_version");
        if (version is not null && !ApiVersions.IsWellFormed(version))
        {
            throw body.Bad("api_version", $"a Stripe API version such as {World.ApiVersion}");
        }

        var world = sandbox.World;
        lock (world.Sync)
        {
            var endpoint = world.Add(new WebhookEndpoint { Id = StripeIds.New("we_"), Created = world.Now, Url = url, Secret = secret, EnabledEvents = events, ApiVersion = version });
            return Task.FromResult(endpoint.Render(new RenderContext(world, ExpandTree.None), withSecret: true));
        }
    }

    private static async Task<JsonObject> FireEvent(Sandbox sandbox, SeedNode body, HttpContext http)
    {
        var type = body.RequiredString("type");
        var id = body.RequiredString("object");
        var world = sandbox.World;
        EventRecord e;
        lock (world.Sync)
        {
            var item = world.Find(id) ?? throw new AdminException(404, $"$.object: no object \"{id}\" in the world");
            if (EventKinds.Mismatch(type, item) is { } problem)
            {
                throw AdminException.BadRequest($"$.object: {problem}");
            }

            world.TakeEmitted();
            e = world.Emit(type, item);
            world.TakeEmitted();
        }

        await sandbox.Webhooks.FirstAttemptsAsync([e.Id], http.RequestAborted);
        return new JsonObject
        {
            ["id"] = e.Id,
            ["deliveries"] = new JsonArray(sandbox.Webhooks.DeliveriesOf(e.Id).Select(d => (JsonNode)new JsonObject
            {
                ["url"] = d.Url,
                ["status"] = d.Attempts.FirstOrDefault()?.Status,
                ["error"] = d.Attempts.FirstOrDefault()?.Error,
            }).ToArray()),
        };
    }

    private static Task<JsonObject> SetFaults(Sandbox sandbox, SeedNode body, HttpContext http)
    {
        string? readMode = null;
        foreach (var fault in body.List("faults"))
        {
            var mode = fault.RequiredString("mode");
            if (mode is not ("timeout" or "error"))
            {
                throw fault.Bad("mode", "\"timeout\" or \"error\"");
            }

            if (fault.RequiredString("source") == "stripe")
            {
                readMode = mode;
            }
        }

        var latency = body.Long("latency_ms") ?? 0;
        if (latency is < 0 or > 60_000)
        {
            throw body.Bad("latency_ms", "a number of milliseconds between 0 and 60000");
        }

        var writeLatency = body.Long("write_latency_ms") ?? 0;
        if (writeLatency is < 0 or > 60_000)
        {
            throw body.Bad("write_latency_ms", "a number of milliseconds between 0 and 60000");
        }

        var failWrites = body.Long("fail_writes") ?? 0;
        if (failWrites is < 0 or > 1000)
        {
            throw body.Bad("fail_writes", "a number of requests between 0 and 1000");
        }

        sandbox.Faults.ReadMode = readMode;
        sandbox.Faults.FailWrites = (int)failWrites;
        sandbox.Faults.LatencyMs = (int)latency;
        sandbox.Faults.WriteLatencyMs = (int)writeLatency;
        return Task.FromResult(new JsonObject { ["stripe"] = readMode, ["latency_ms"] = latency, ["write_latency_ms"] = writeLatency, ["fail_writes"] = failWrites });
    }

    private static Task<JsonObject> Requests(Sandbox sandbox, SeedNode body, HttpContext http) =>
        Task.FromResult(new JsonObject
        {
            ["data"] = new JsonArray(sandbox.Requests.Snapshot().Select(r =>
            {
                var parameters = new JsonObject();
                foreach (var (key, value) in r.Params)
                {
                    parameters[key] = value;
                }

                return (JsonNode)new JsonObject
                {
                    ["method"] = r.Method,
                    ["path"] = r.Path,
                    ["params"] = parameters,
                    ["idempotency_key"] = r.IdempotencyKey,
                    ["time"] = UnixTime.Iso(r.Time),
                    ["status"] = r.Status,
                    ["request_id"] = r.RequestId,
                    ["object_id"] = r.ObjectId,
                    ["replayed"] = r.Replayed,
                };
            }).ToArray()),
        });

    private static Task<JsonObject> ObjectById(Sandbox sandbox, SeedNode body, HttpContext http)
    {
        var id = (string)http.GetRouteValue("id")!;
        var world = sandbox.World;
        lock (world.Sync)
        {
            var item = world.Find(id) ?? throw new AdminException(404, $"no object \"{id}\" in the world");
            return Task.FromResult(world.Render(item));
        }
    }

    /// <summary>The customer pays (or saves a card) on the hosted checkout page.</summary>
    private static Task<JsonObject> CompleteCheckout(Sandbox sandbox, SeedNode body, HttpContext http) =>
        Act(sandbox, http, world =>
        {
            var id = (string)http.GetRouteValue("id")!;
            var session = world.Find<CheckoutSession>(id) ?? throw new AdminException(404, $"no checkout session \"{id}\" in the world");
            CustomerActions.CompleteCheckout(world, session, body.String("payment_method"));
            return world.Render(session);
        });

    private static Task<JsonObject> AuthenticateInvoice(Sandbox sandbox, SeedNode body, HttpContext http) =>
        Act(sandbox, http, world =>
        {
            var invoice = world.Find<Invoice>((string)http.GetRouteValue("id")!) ?? throw new AdminException(404, $"no invoice \"{http.GetRouteValue("id")}\" in the world");
            CustomerActions.AuthenticateInvoice(world, invoice);
            return world.Render(invoice);
        });

    private static Task<JsonObject> AuthenticateIntent(Sandbox sandbox, SeedNode body, HttpContext http) =>
        Act(sandbox, http, world =>
        {
            var intent = world.Find<PaymentIntent>((string)http.GetRouteValue("id")!) ?? throw new AdminException(404, $"no payment intent \"{http.GetRouteValue("id")}\" in the world");
            CustomerActions.Authenticate(world, intent);
            return world.Render(intent);
        });

    private static Task<JsonObject> SetOnCharge(Sandbox sandbox, SeedNode body, HttpContext http) =>
        Act(sandbox, http, world =>
        {
            var id = (string)http.GetRouteValue("id")!;
            var pm = world.Find<PaymentMethod>(id) ?? throw new AdminException(404, $"no payment method \"{id}\" in the world");
            if (!CardBehaviour.TryParse(body.RequiredString("on_charge"), out var behaviour))
            {
                throw body.Bad("on_charge", "\"succeed\", \"requires_authentication\" or \"decline:<decline_code>\"");
            }

            pm.OnCharge = behaviour;
            var json = world.Render(pm);
            json["on_charge"] = behaviour.ToString();
            return json;
        });

    /// <summary>The customer opens a link the sandbox issued and does what Stripe's page lets them do there.</summary>
    private static Task<JsonObject> CompleteLink(Sandbox sandbox, SeedNode body, HttpContext http)
    {
        var url = body.RequiredString("url");
        CardDetails? card = null;
        if (body.Has("payment_method"))
        {
            var pm = SeedNode.Root(body.Json["payment_method"], "$.payment_method");
            long? Month(string key) => pm.Long(key) is { } m && (key != "exp_month" || m is >= 1 and <= 12) ? m : pm.Has(key) ? throw pm.Bad(key, "a month 1-12") : null;
            CardBehaviour? onCharge = null;
            if (pm.String("on_charge") is { } text)
            {
                onCharge = CardBehaviour.TryParse(text, out var behaviour) ? behaviour : throw pm.Bad("on_charge", "\"succeed\", \"requires_authentication\" or \"decline:<decline_code>\"");
            }

            card = new CardDetails(pm.String("id"), pm.String("brand"), pm.String("last4"), Month("exp_month"), pm.Long("exp_year"), onCharge);
        }

        return Act(sandbox, http, world => LinkCompletion.Complete(world, url, card));
    }

    /// <summary>Smart Retries: <c>{"enabled"?, "max_retry_count"? (1-8), "retries_end_after_days"? (1-60)}</c>.</summary>
    private static Task<JsonObject> SetSmartRetries(Sandbox sandbox, SeedNode body, HttpContext http)
    {
        var settings = sandbox.World.SmartRetries;
        var count = body.Long("max_retry_count") ?? settings.MaxRetryCount;
        if (count is < 0 or > 8)
        {
            throw body.Bad("max_retry_count", "a number of retries between 0 and 8");
        }

        var days = body.Long("retries_end_after_days") ?? settings.RetriesEndAfterDays;
        if (days is < 1 or > 60)
        {
            throw body.Bad("retries_end_after_days", "a number of days between 1 and 60");
        }

        lock (sandbox.World.Sync)
        {
            settings.Enabled = body.Bool("enabled") ?? settings.Enabled;
            settings.MaxRetryCount = (int)count;
            settings.RetriesEndAfterDays = (int)days;
        }

        return Task.FromResult(settings.ToJson());
    }

    /// <summary>Rate limits: <c>{"enabled"?, "reads_per_second"?, "writes_per_second"?, "refuse_next_reads"?,
    /// "refuse_next_writes"?}</c> (Stripe: 25 each in test mode, 100 live).</summary>
    private static Task<JsonObject> SetRateLimits(Sandbox sandbox, SeedNode body, HttpContext http)
    {
        var limits = sandbox.RateLimits;
        var reads = body.Long("reads_per_second") ?? limits.ReadsPerSecond;
        var writes = body.Long("writes_per_second") ?? limits.WritesPerSecond;
        if (reads is < 1 or > 100_000)
        {
            throw body.Bad("reads_per_second", "a number of requests between 1 and 100000");
        }

        if (writes is < 1 or > 100_000)
        {
            throw body.Bad("writes_per_second", "a number of requests between 1 and 100000");
        }

        var refuseReads = body.Long("refuse_next_reads") ?? 0;
        var refuseWrites = body.Long("refuse_next_writes") ?? 0;
        if (refuseReads is < 0 or > 1000)
        {
            throw body.Bad("refuse_next_reads", "a number of requests between 0 and 1000");
        }

        if (refuseWrites is < 0 or > 1000)
        {
            throw body.Bad("refuse_next_writes", "a number of requests between 0 and 1000");
        }

        limits.Configure(body.Bool("enabled") ?? limits.Enabled, (int)reads, (int)writes, (int)refuseReads, (int)refuseWrites);
        return Task.FromResult(limits.ToJson());
    }

    private static async Task<JsonObject> Drain(Sandbox sandbox, SeedNode body, HttpContext http)
    {
        await sandbox.Webhooks.IdleAsync(http.RequestAborted);
        return new JsonObject { ["ok"] = true };
    }

    /// <summary>A customer-side action under the world lock; returns after its webhooks' first attempts.</summary>
    private static async Task<JsonObject> Act(Sandbox sandbox, HttpContext http, Func<World, JsonObject> action)
    {
        var world = sandbox.World;
        JsonObject result;
        List<EventRecord> emitted;
        lock (world.Sync)
        {
            world.TakeEmitted();
            try
            {
                result = action(world);
            }
            finally
            {
                emitted = world.TakeEmitted();
            }
        }

        await sandbox.Webhooks.FirstAttemptsAsync(emitted.Select(e => e.Id), http.RequestAborted);
        return result;
    }
}

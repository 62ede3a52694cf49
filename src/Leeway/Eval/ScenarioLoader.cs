using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Storage;

namespace Leeway.Eval;

/// <summary>
/// Reads scenario files strictly: an unknown field, a wrong type or a dangling id is a <see cref="ScenarioFormatException"/>
/// naming the file, the JSON path and the value. Nothing is half-loaded.
/// </summary>
internal static class ScenarioLoader
{
    /// <summary>Files given, and every *.json under folders given (recursively), in a stable order.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new ScenarioFormatException(path, "$", "no such file or folder");
            }
        }

        return files;
    }

    public static Scenario Load(string file) => Parse(File.ReadAllText(file), file);

    /// <param name="file">The name errors use for where the JSON came from.</param>
    public static Scenario Parse(string json, string file)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new ScenarioFormatException(file, $"line {e.LineNumber + 1}", $"not valid JSON: {e.Message}");
        }

        Walk(file, "$", root, ScenarioSchema.Root);
        var scenario = (JsonObject)root!;
        CheckPolicy(file, scenario["policy"] as JsonObject);
        CheckReferences(file, scenario);
        return Build(file, scenario);
    }

    private static void Walk(string file, string path, JsonNode? value, FieldSpec spec)
    {
        if (spec.Check(value) is { } problem)
        {
            throw new ScenarioFormatException(file, path, $"{problem}, got {ScenarioFormatException.Show(value)}");
        }

        switch (spec)
        {
            case ObjectSpec obj:
                var node = (JsonObject)value!;
                foreach (var (key, child) in node)
                {
                    if (!obj.Fields.TryGetValue(key, out var childSpec))
                    {
                        throw new ScenarioFormatException(file, $"{path}.{key}", $"unknown field (allowed here: {string.Join(", ", obj.Fields.Keys)})");
                    }

                    Walk(file, $"{path}.{key}", child, childSpec);
                }

                foreach (var (key, childSpec) in obj.Fields)
                {
                    if (childSpec.Required && !node.ContainsKey(key))
                    {
                        throw new ScenarioFormatException(file, $"{path}.{key}", "missing required field");
                    }
                }

                break;
            case StringOrObjectSpec either:
                Walk(file, path, value, either.For(value));
                break;
            case MapSpec map:
                foreach (var (key, child) in (JsonObject)value!)
                {
                    Walk(file, $"{path}.{key}", child, map.Values);
                }

                break;
            case ListSpec list:
                var items = (JsonArray)value!;
                for (var i = 0; i < items.Count; i++)
                {
                    Walk(file, $"{path}[{i}]", items[i], list.Items);
                }

                break;
        }
    }

    private static void CheckPolicy(string file, JsonObject? policy)
    {
        foreach (var (key, value) in policy ?? [])
        {
            var path = $"$.policy.{key}";
            FieldSpec spec = key switch
            {
                "refund_auto_max" or "credit_auto_max" or "refund_window_days" or "auto_refunds_per_customer_90d" or "retry_max_attempts" => new IntegerSpec(0),
                "usage_spike_factor" => new NumberSpec(),
                "auto_actions_max_risk" => new StringSpec(["normal", "elevated", "high"]),
                "cancel_self_serve" => new BoolSpec(),
                _ => throw new ScenarioFormatException(file, path, $"unknown policy key (allowed: {string.Join(", ", ScenarioSchema.PolicyKeys)})"),
            };
            if (spec.Check(value) is { } problem)
            {
                throw new ScenarioFormatException(file, path, $"{problem}, got {ScenarioFormatException.Show(value)}");
            }
        }
    }

    private static void CheckReferences(string file, JsonObject scenario)
    {
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        var customers = scenario["world"]!["customers"]!.AsArray();
        for (var c = 0; c < customers.Count; c++)
        {
            var customer = customers[c]!.AsObject();
            Register(file, kinds, $"$.world.customers[{c}].id", customer["id"]!.GetValue<string>(), "customer");
            foreach (var (list, kind) in new[] { ("payment_methods", "payment_method"), ("subscriptions", "subscription"), ("invoices", "invoice"), ("charges", "charge"), ("refunds", "refund"), ("disputes", "dispute"), ("checkout_sessions", "checkout_session") })
            {
                var items = customer[list]?.AsArray() ?? [];
                for (var i = 0; i < items.Count; i++)
                {
                    Register(file, kinds, $"$.world.customers[{c}].{list}[{i}].id", items[i]!["id"]!.GetValue<string>(), kind);
                }
            }
        }

        void Expect(string path, JsonNode? reference, params string[] allowed)
        {
            if (reference is null)
            {
                return;
            }

            var id = reference.GetValue<string>();
            if (!kinds.TryGetValue(id, out var kind))
            {
                throw new ScenarioFormatException(file, path, $"names '{id}', which is not in the world");
            }

            if (allowed.Length > 0 && !allowed.Contains(kind))
            {
                throw new ScenarioFormatException(file, path, $"names '{id}', a {kind}; expected a {string.Join(" or ", allowed)}");
            }
        }

        Expect("$.customer", scenario["customer"], "customer");
        for (var c = 0; c < customers.Count; c++)
        {
            var customer = customers[c]!.AsObject();
            var at = $"$.world.customers[{c}]";
            ForEach(customer["invoices"], (i, n) => Expect($"{at}.invoices[{i}].subscription", n["subscription"], "subscription"));
            ForEach(customer["charges"], (i, n) =>
            {
                Expect($"{at}.charges[{i}].invoice", n["invoice"], "invoice");
                Expect($"{at}.charges[{i}].payment_method", n["payment_method"], "payment_method");
            });
            ForEach(customer["refunds"], (i, n) => Expect($"{at}.refunds[{i}].charge", n["charge"], "charge"));
            ForEach(customer["disputes"], (i, n) => Expect($"{at}.disputes[{i}].charge", n["charge"], "charge"));
            ForEach(customer["checkout_sessions"], (i, n) => Expect($"{at}.checkout_sessions[{i}].invoice", n["invoice"], "invoice"));
        }

        ForEach(scenario["events"], (i, n) => Expect($"$.events[{i}].object", n["object"], EventObjectKinds(n["type"]!.GetValue<string>())));
        var expect = scenario["expect"];
        ForEach(expect?["actions"], (i, n) => Expect($"$.expect.actions[{i}].target", n["target"]));
        ForEach(expect?["forbidden"], (i, n) => Expect($"$.expect.forbidden[{i}].target", n["target"]));
        foreach (var (id, _) in expect?["state"]?.AsObject() ?? [])
        {
            Expect($"$.expect.state.{id}", JsonValue.Create(id));
        }

        var hasConversation = scenario["conversation"] is JsonArray { Count: > 0 };
        foreach (var key in new[] { "outcome", "max_turns" })
        {
            if (expect?[key] is not null && !hasConversation)
            {
                throw new ScenarioFormatException(file, $"$.expect.{key}", "needs a non-empty conversation");
            }
        }
    }

    /// <summary>The kind of world object Stripe puts in an event's data.object (scenario-format § Events).</summary>
    private static string[] EventObjectKinds(string type) => type switch
    {
        _ when type.StartsWith("invoice.", StringComparison.Ordinal) => ["invoice"],
        _ when type.StartsWith("checkout.session.", StringComparison.Ordinal) => ["checkout_session"],
        _ when type.StartsWith("charge.dispute.", StringComparison.Ordinal) => ["dispute"],
        _ when type.StartsWith("charge.refund.", StringComparison.Ordinal) => ["refund"],
        _ when type.StartsWith("charge.", StringComparison.Ordinal) => ["charge"],
        _ when type.StartsWith("customer.subscription.", StringComparison.Ordinal) => ["subscription"],
        _ when type.StartsWith("customer.source.", StringComparison.Ordinal) || type.StartsWith("payment_method.", StringComparison.Ordinal) => ["payment_method"],
        _ when type.StartsWith("refund.", StringComparison.Ordinal) => ["refund"],
        _ when type.StartsWith("customer.", StringComparison.Ordinal) => ["customer"],
        _ => [],
    };

    private static void Register(string file, Dictionary<string, string> kinds, string path, string id, string kind)
    {
        if (!kinds.TryAdd(id, kind))
        {
            throw new ScenarioFormatException(file, path, $"id '{id}' is used twice in the world");
        }
    }

    private static void ForEach(JsonNode? list, Action<int, JsonObject> each)
    {
        if (list is JsonArray items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                each(i, items[i]!.AsObject());
            }
        }
    }

    private static Scenario Build(string file, JsonObject s)
    {
        static DateTimeOffset Time(JsonNode? n) => TimeSpec.TryParse(n!.GetValue<string>(), out var t) ? t : default;
        static string? Str(JsonNode? n) => n?.GetValue<string>();
        static List<T> Map<T>(JsonNode? list, Func<JsonObject, T> map) => list is JsonArray a ? a.Select(x => map(x!.AsObject())).ToList() : [];

        var expect = s["expect"] as JsonObject ?? [];
        var turns = s["conversation"] is JsonArray items
            ? items.Select(m => m is JsonObject o ? new ScenarioTurn(null, o["complete_link"]!.AsObject()) : new ScenarioTurn(m!.GetValue<string>(), null)).ToList()
            : [];
        return new Scenario(
            Id: Str(s["id"])!,
            Title: Str(s["title"]) ?? "",
            File: file,
            Now: Time(s["now"]),
            Customer: Str(s["customer"])!,
            World: s["world"]!.AsObject(),
            Customers: Map(s["world"]!["customers"], c => new ScenarioCustomer(
                Str(c["id"])!,
                Map(c["entitlements"], e => new ScenarioEntitlement(Str(e["feature"])!, e["active"]!.GetValue<bool>(), Str(e["source"]) ?? "subscription")),
                Map(c["usage"], u => new ScenarioUsage(Str(u["meter"])!, Time(u["period_start"]), Time(u["period_end"]), u["quantity"]?.GetValue<long>() ?? 0, u["amount"]!.GetValue<long>())))),
            Events: Map(s["events"], e => new ScenarioEvent(Str(e["type"])!, Str(e["object"])!)),
            Advance: s["advance"] is { } advance ? XmlConvert.ToTimeSpan(advance.GetValue<string>()) : null,
            Conversation: turns.Where(t => t.Message is not null).Select(t => t.Message!).ToList(),
            Policy: (s["policy"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!),
            Faults: Map(s["faults"], f => new ScenarioFault(Str(f["source"])!, Str(f["mode"])!)),
            Expect: new ScenarioExpect(
                Diagnosis: expect["diagnosis"] as JsonObject,
                Outcome: Str(expect["outcome"]),
                Actions: Map(expect["actions"], a => new ExpectedAction(WireName.Parse<ActionType>(Str(a["type"])!), Str(a["target"]), a["amount"]?.GetValue<long>())),
                Forbidden: Map(expect["forbidden"], a => new ExpectedAction(WireName.Parse<ActionType>(Str(a["type"])!), Str(a["target"]), null)),
                State: (expect["state"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.AsObject()),
                Nudges: Map(expect["nudges"], n => new ExpectedNudge(Str(n["channel"]), Str(n["reason"])!)),
                ReplyMustNotContain: expect["reply_must_not_contain"] is JsonArray banned ? banned.Select(b => b!.GetValue<string>()).ToList() : [],
                MaxTurns: expect["max_turns"]?.GetValue<int>()))
        {
            Turns = turns,
        };
    }
}

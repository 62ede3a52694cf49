using System.Net;
using System.Text.RegularExpressions;
using Leeway.Eval;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Tests.Humans;

namespace Leeway.Tests.Identity;

/// <summary>
/// Each staff role against each staff action, through the console's real pages on a real product host (cookie sign-in,
/// antiforgery, the gate against the Stripe sandbox). An action a role may not take is refused by the page (403) or by
/// the gate (rule <c>agent_limit</c>), and leaves nothing behind: no refund, no article, the case still open.
/// </summary>
public sealed partial class RoleMatrixTests(RoleMatrixTests.RoleWorld world) : IClassFixture<RoleMatrixTests.RoleWorld>
{
    private const string Password = "correct horse battery";
    private const string AntiforgeryField = "__antiforgery";

    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        (string Action, bool Agent, bool Lead, bool Admin)[] rows =
        [
            ("open_queue", true, true, true),
            ("reply", true, true, true),
            ("close", true, true, true),
            ("refund_within_agent_limit", true, true, true),
            ("refund_over_agent_limit", false, true, true),
            ("close_with_new_article", false, true, true),
            ("open_ops_page", false, false, true),
        ];
        foreach (var row in rows)
        {
            data.Add(StaffRoles.Agent, row.Action, row.Agent);
            data.Add(StaffRoles.Lead, row.Action, row.Lead);
            data.Add(StaffRoles.Admin, row.Action, row.Admin);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_take_exactly_its_actions(string role, string action, bool allowed)
    {
        var customer = $"cus_{role}";
        var opened = await world.Service<ICaseStore>().OpenAsync(customer, "needs a person", "agent", "normal",
            CaseWorld.Packet($"conv_{role}_{action}"), CancellationToken.None);
        using var staff = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(world.Product.Urls.First()),
        };
        await SignInAsync(staff, $"{role}@billing.test");
        var casePath = $"/console/cases/{opened.Id}";

        switch (action)
        {
            case "open_queue":
                Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/console")).StatusCode);
                break;
            case "open_ops_page":
                using (var ops = await staff.GetAsync("/console/ops"))
                {
                    Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, ops.StatusCode);
                    Assert.Contains(allowed ? "<h1>Operations</h1>" : $"Your role ({role}) does not allow this", await ops.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                }

                Assert.Equal(allowed, (await (await staff.GetAsync("/console")).Content.ReadAsStringAsync()).Contains("href=\"/console/ops\"", StringComparison.Ordinal));
                break;
            case "reply":
                using (var reply = await PostAsync(staff, casePath, "Reply", new() { ["text"] = "We are on it." }))
                {
                    Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
                }

                Assert.Contains((await world.Service<ICaseStore>().GetAsync(opened.Id, CancellationToken.None))!.Packet.Transcript, l => l.Text == "We are on it.");
                break;
            case "close" or "close_with_new_article":
                var withArticle = action == "close_with_new_article";
                using (var close = await PostAsync(staff, casePath, "Close", new()
                {
                    ["resolution"] = "Explained the usage spike.",
                    ["article"] = withArticle ? "new" : "none",
                    ["articleTitle"] = $"Usage spikes explained ({role})",
                    ["articleBody"] = "Usage is billed per call.",
                }))
                {
                    Assert.Equal(allowed ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden, close.StatusCode);
                    if (!allowed)
                    {
                        Assert.Contains("for a lead or an admin", WebUtility.HtmlDecode(await close.Content.ReadAsStringAsync()), StringComparison.Ordinal);
                    }
                }

                var after = (await world.Service<CaseStore>().GetRecordAsync(opened.Id, CancellationToken.None))!;
                Assert.Equal(allowed ? CaseStatus.Closed : CaseStatus.Open, after.Case.Status);
                Assert.Equal(allowed && withArticle, after.ArticleId is not null);
                break;
            case "refund_within_agent_limit" or "refund_over_agent_limit":
                var charge = action == "refund_within_agent_limit" ? $"ch_{role}_small" : $"ch_{role}_big";
                using (var approve = await PostAsync(staff, casePath, "Approve", new() { ["action.Type"] = "refund", ["action.Charge"] = charge }))
                {
                    var page = WebUtility.HtmlDecode(await approve.Content.ReadAsStringAsync());
                    Assert.True(allowed ? approve.StatusCode == HttpStatusCode.Redirect : page.Contains("agent_limit", StringComparison.Ordinal),
                        $"{(int)approve.StatusCode}: {Regex.Match(page, "id=\"case-error\">[^<]*").Value}");
                }

                var refunded = await world.AmountRefundedAsync(charge);
                Assert.Equal(allowed, refunded > 0);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "not in the matrix");
        }
    }

    private static async Task SignInAsync(HttpClient staff, string email)
    {
        var page = await staff.GetStringAsync("/console/sign-in");
        using var signedIn = await staff.PostAsync("/console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [AntiforgeryField] = Token(page),
            ["Email"] = email,
            ["Password"] = Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    /// <summary>Posts a console form's handler the way the page's form does, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient staff, string path, string handler, Dictionary<string, string> fields)
    {
        fields[AntiforgeryField] = Token(await staff.GetStringAsync(path));
        return await staff.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static string Token(string html) => TokenPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups["v"].Value)
        : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("<input[^>]*name=\"__antiforgery\"[^>]*value=\"(?<v>[^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>One product host for the matrix: a customer per role, each with a charge under the agent refund limit
    /// ($150 against $200) and one over it ($240), and a staff member per role.</summary>
    public sealed class RoleWorld : IAsyncLifetime
    {
        private ScenarioWorld? _world;

        public Microsoft.AspNetCore.Builder.WebApplication Product => _world!.Product;

        public async Task<long> AmountRefundedAsync(string chargeId) =>
            (await _world!.Admin.ObjectAsync(chargeId, CancellationToken.None))!["amount_refunded"]!.GetValue<long>();

        public T Service<T>()
            where T : notnull => _world!.Service<T>();

        public async Task InitializeAsync()
        {
            var customers = string.Join(",", StaffRoles.All.Select(role => $$"""
                { "id": "cus_{{role}}", "email": "{{role}}@example.com", "name": "Customer of {{role}}",
                  "payment_methods": [{ "id": "pm_{{role}}", "brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2030, "default": true, "on_charge": "succeed" }],
                  "charges": [
                    { "id": "ch_{{role}}_small", "amount": 15000, "currency": "usd", "created": "2026-11-01T00:05:00Z", "payment_method": "pm_{{role}}", "status": "succeeded", "amount_refunded": 0, "disputed": false },
                    { "id": "ch_{{role}}_big", "amount": 24000, "currency": "usd", "created": "2026-11-02T00:05:00Z", "payment_method": "pm_{{role}}", "status": "succeeded", "amount_refunded": 0, "disputed": false }
                  ] }
                """));
            var scenario = ScenarioLoader.Parse($$"""
                { "id": "role-matrix", "title": "Each staff role against each staff action", "now": "2026-11-10T09:00:00Z", "customer": "cus_agent",
                  "world": { "customers": [{{customers}}] } }
                """, "role-matrix.json");
            // 21 sign-ins from one address in a minute: more than a person makes, so the sign-in rate limit is lifted here.
            _world = await ScenarioWorld.StartAsync(scenario, CancellationToken.None, overrides: new Dictionary<string, string?> { ["RateLimits:SignInPermits"] = "1000" });
            foreach (var role in StaffRoles.All)
            {
                await _world.Service<IStaffDirectory>().CreateAsync($"{role}@billing.test", $"The {role}", Password, role, CancellationToken.None);
            }
        }

        public async Task DisposeAsync()
        {
            if (_world is not null)
            {
                await _world.DisposeAsync();
            }
        }
    }
}

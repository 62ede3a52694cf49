using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Knowledge;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Stripe;

namespace Leeway.Tests.Humans;

/// <summary>
/// The approve handler's own decisions (what it sends the gate, what it refuses before the gate) over a real case store,
/// with a recording gate and a fixed billing snapshot. <see cref="ApproveThroughGateTests"/> runs the real gate and sandbox.
/// </summary>
public sealed class ApproveActionTests
{
    [Fact]
    public async Task An_approved_refund_goes_through_the_gate_as_the_human_and_lands_in_the_packet()
    {
        await using var world = await CaseWorld.StartAsync();
        var lead = await world.Staff.CreateAsync("lead@example.com", "Lena", "long password", StaffRoles.Lead, CancellationToken.None);
        var opened = await world.OpenAsync("cus_a");
        var gate = new RecordingGate();

        var result = await ApproveAsync(world, opened.Id, lead.Id, new ApprovedAction("refund", "ch_a", null, null, 24000, null, null), gate);

        var ok = Assert.IsType<Ok<ApproveActionResponse>>(result.Result);
        var call = Assert.Single(gate.Calls);
        Assert.Equal(Actor.Human(lead.Id, StaffRoles.Lead), call.Actor);
        Assert.Equal(Principal.Staff(lead.Id), call.Principal);
        Assert.Equal(new RefundCharge("ch_a", 24000, "requested_by_customer"), call.Action);
        Assert.Equal(lead.Id, call.ApprovedBy);
        Assert.StartsWith(opened.Id, call.DecisionKey, StringComparison.Ordinal);
        Assert.Equal(gate.Outcome, ok.Value!.Outcome);
        Assert.Equal(gate.Outcome, ok.Value.Case.Case.Packet.ActionsAttempted[^1]);
        Assert.Contains(ok.Value.Case.Events, e => e.Kind == CaseEventKind.Action && e.Actor == $"human:{lead.Id}");
    }

    [Fact]
    public async Task Approving_the_same_action_twice_is_one_decision()
    {
        await using var world = await CaseWorld.StartAsync();
        var lead = await world.Staff.CreateAsync("lead@example.com", "Lena", "long password", StaffRoles.Lead, CancellationToken.None);
        var opened = await world.OpenAsync("cus_a");
        var gate = new RecordingGate();
        var refund = new ApprovedAction("refund", "ch_a", null, null, 24000, null, null);

        await ApproveAsync(world, opened.Id, lead.Id, refund, gate);
        await ApproveAsync(world, opened.Id, lead.Id, refund, gate);

        Assert.Equal(gate.Calls[0].DecisionKey, gate.Calls[1].DecisionKey);
    }

    [Fact]
    public async Task An_object_of_another_customer_is_refused_before_the_gate()
    {
        await using var world = await CaseWorld.StartAsync();
        var lead = await world.Staff.CreateAsync("lead@example.com", "Lena", "long password", StaffRoles.Lead, CancellationToken.None);
        var opened = await world.OpenAsync("cus_a");
        var gate = new RecordingGate();

        var result = await ApproveAsync(world, opened.Id, lead.Id, new ApprovedAction("refund", "ch_someone_else", null, null, 100, null, null), gate);

        var problem = Assert.IsType<ValidationProblem>(result.Result);
        Assert.Contains("ch_someone_else", problem.ProblemDetails.Errors["action"][0], StringComparison.Ordinal);
        Assert.Empty(gate.Calls);
        Assert.Single((await world.Cases.GetAsync(opened.Id, CancellationToken.None))!.Packet.ActionsAttempted);
    }

    [Theory]
    [InlineData("teleport", "ch_a", 100L, "action.type")]
    [InlineData("refund", null, 100L, "action.charge")]
    [InlineData("refund", "ch_a", -5L, "action.amount")]
    [InlineData("retry_payment", null, null, "action.invoice")]
    public async Task A_malformed_action_is_refused_naming_the_field(string type, string? charge, long? amount, string field)
    {
        await using var world = await CaseWorld.StartAsync();
        var lead = await world.Staff.CreateAsync("lead@example.com", "Lena", "long password", StaffRoles.Lead, CancellationToken.None);
        var opened = await world.OpenAsync("cus_a");
        var gate = new RecordingGate();

        var result = await ApproveAsync(world, opened.Id, lead.Id, new ApprovedAction(type, charge, null, null, amount, null, null), gate);

        Assert.Contains(field, Assert.IsType<ValidationProblem>(result.Result).ProblemDetails.Errors.Keys);
        Assert.Empty(gate.Calls);
    }

    [Fact]
    public async Task Without_a_gate_in_the_host_nothing_is_done()
    {
        await using var world = await CaseWorld.StartAsync();
        var lead = await world.Staff.CreateAsync("lead@example.com", "Lena", "long password", StaffRoles.Lead, CancellationToken.None);
        var opened = await world.OpenAsync("cus_a");

        var result = await ApproveAsync(world, opened.Id, lead.Id, new ApprovedAction("refund", "ch_a", null, null, 100, null, null), gate: null);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
    }

    private static Task<Results<Ok<ApproveActionResponse>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        CaseWorld world, string caseId, string staffId, ApprovedAction action, IGate? gate)
    {
        var desk = new CaseDesk(world.Cases, world.Events, world.Staff, new NoKnowledge(), new OneCustomerBilling(), new GateActions(world.Database, new IdGenerator()), world.Time, gate);
        return HumansApi.ApproveAsync(caseId, new ApproveActionRequest(staffId, action), desk, CancellationToken.None);
    }

    /// <summary>Approving writes no knowledge.</summary>
    private sealed class NoKnowledge : IKnowledgeBase
    {
        public Task<IReadOnlyList<ArticleHit>> SearchAsync(string question, RootCause? rootCause, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ArticleHit>> SearchAsync(string question, RootCause? rootCause, int limit, string language, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Article?> GetAsync(string articleId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Article?> GetAsync(string articleId, string language, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Article> UpsertAsync(string? articleId, string title, string body, IReadOnlyList<string> rootCauses, string author, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    private sealed class OneCustomerBilling : IBillingReader
    {
        public Task<BillingSnapshot?> ReadAsync(string customerId, CancellationToken cancellationToken) =>
            Task.FromResult<BillingSnapshot?>(customerId != "cus_a" ? null : new BillingSnapshot(
                new Customer { Id = "cus_a" }, [], [new Subscription { Id = "sub_a" }], [new Invoice { Id = "in_a" }], [],
                [new Charge { Id = "ch_a", Amount = 24000 }], [], [], [], new Dictionary<string, string>(), new Dictionary<string, string>()));
    }

    private sealed class RecordingGate : IGate
    {
        public GateOutcome Outcome { get; } = new(ActionType.Refund, true, "approved_by_human", "Refunded 24000 usd", true, false,
            new ActionResult("re_1", "succeeded", null, 24000, "usd", "req_1", null), 42);

        public List<(Actor Actor, Principal Principal, BillingAction Action, string DecisionKey, string? ApprovedBy)> Calls { get; } = [];

        public Task<GateOutcome> ExecuteAsync(Actor actor, Principal principal, BillingAction action, string decisionKey, CancellationToken cancellationToken, string? approvedBy = null)
        {
            Calls.Add((actor, principal, action, decisionKey, approvedBy));
            return Task.FromResult(Outcome);
        }

        public Task<GateOutcome> EvaluateAsync(Actor actor, Principal principal, BillingAction action, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The approve endpoint acts; it never only evaluates.");
    }
}

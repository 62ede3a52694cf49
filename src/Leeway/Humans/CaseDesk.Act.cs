using Leeway.Billing;
using Leeway.Identity;
using Leeway.Policy;
using Leeway.Storage;
using Stripe;

namespace Leeway.Humans;

/// <summary>A person acts on the case's customer's billing: always through the gate, as the staff member, audited.</summary>
internal sealed partial class CaseDesk
{
    /// <summary>A staff member grants an action policy refused to automation.</summary>
    public Task<CaseDeskResult<ApproveActionResponse>> ApproveAsync(string caseId, ApproveActionRequest request, CancellationToken cancellationToken) =>
        GrantAsync(caseId, request, "approve", cancellationToken);

    /// <summary>
    /// A staff member acts on the case's customer's billing at any time (not only after policy refused automation):
    /// refund, credit, retry, cancel, or a fresh payment or card-update link to send. The member's approval waives what a
    /// person may waive.
    /// </summary>
    public Task<CaseDeskResult<ApproveActionResponse>> ActAsync(string caseId, ApproveActionRequest request, CancellationToken cancellationToken) =>
        GrantAsync(caseId, request, "act", cancellationToken);

    private async Task<CaseDeskResult<ApproveActionResponse>> GrantAsync(string caseId, ApproveActionRequest request, string purpose, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var member = await StaffMemberAsync(request.StaffId, errors, cancellationToken);
        var current = await store.GetAsync(caseId, cancellationToken);
        if (current is null)
        {
            return Refused<ApproveActionResponse>(CaseDeskProblem.NotFound(caseId));
        }

        var action = ApprovedActions.ToBillingAction(request.Action, current.CustomerId, errors, links: purpose == "act");
        if (errors.Count > 0 || member is null || action is null)
        {
            return Refused<ApproveActionResponse>(CaseDeskProblem.Invalid(errors));
        }

        if (current.Status != CaseStatus.Open)
        {
            return Refused<ApproveActionResponse>(CaseDeskProblem.Closed(caseId));
        }

        if (gate is null)
        {
            return Refused<ApproveActionResponse>(new CaseDeskProblem(StatusCodes.Status503ServiceUnavailable, "Gate unavailable", "The policy gate is not available in this host."));
        }

        // The gate checks that every object belongs to the customer it names, but a staff principal owns nothing, so it
        // cannot tell that customer is this case's: that check is the desk's, here once.
        BillingSnapshot? snapshot;
        try
        {
            snapshot = await billing.ReadAsync(current.CustomerId, cancellationToken);
        }
        catch (StripeException e)
        {
            return Refused<ApproveActionResponse>(new CaseDeskProblem(StatusCodes.Status502BadGateway, "Billing unavailable", $"Stripe did not answer the ownership check: {e.Message}"));
        }

        var foreign = action.ObjectIds.Where(o => snapshot is null || !ApprovedActions.Owns(snapshot, o)).ToList();
        if (foreign.Count > 0)
        {
            return Refused<ApproveActionResponse>(CaseDeskProblem.Invalid(new Dictionary<string, string[]>
            {
                ["action"] = [$"{string.Join(", ", foreign)} does not belong to customer {current.CustomerId} of case {caseId}."],
            }));
        }

        // The same approval of the same action on the same case is one decision: a double click never refunds twice.
        var decisionKey = $"{caseId}:{purpose}:{WireName.Of(action.Type)}:{string.Join(',', action.ObjectIds)}:{request.Action!.Amount}";
        var outcome = await gate.ExecuteAsync(Actor.Human(member.Id, member.Role), Principal.Staff(member.Id), action, decisionKey, cancellationToken, approvedBy: member.Id);
        await store.AddActionAsync(caseId, Actor.Human(member.Id).Name, outcome, cancellationToken);
        return CaseDeskResult<ApproveActionResponse>.Done(new ApproveActionResponse(outcome, (await DetailAsync(caseId, cancellationToken))!));
    }
}

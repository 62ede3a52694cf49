using Leeway.Billing;
using Leeway.Policy.Actions;
using Leeway.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Leeway.Humans.Console;

/// <summary>
/// The case page's "act" forms as posted: the action the person picked (a wire name, bound typed: anything else is a model
/// error), its target (a charge, invoice or subscription of the customer), and for money the amount as typed in currency
/// units (<see cref="StaffAmount"/>), its currency and a reason.
/// </summary>
internal sealed class StaffActionForm
{
    [ModelBinder(typeof(WireNameBinder<ActionType>))]
    public ActionType? Type { get; set; }

    public string? Target { get; set; }

    public string? Amount { get; set; }

    public string? Currency { get; set; }

    public string? Reason { get; set; }

    /// <summary>
    /// The action as the gate takes it, the amount in minor units of the charge's (a refund) or the customer's (a credit)
    /// currency; null with <paramref name="amountError"/> when the amount is not one. A type the desk does not act on goes
    /// with no target, for the desk to refuse by name.
    /// </summary>
    public ApprovedAction? ToAction(BillingSnapshot? billing, out string? amountError)
    {
        amountError = null;
        long? minor = null;
        var type = Type is { } picked ? WireName.Of(picked) : null;
        var money = Type switch
        {
            ActionType.Refund => billing?.Charges.FirstOrDefault(c => c.Id == Target)?.Currency,
            ActionType.Credit => Currency ?? billing?.Customer.Currency ?? "usd",
            ActionType.RetryPayment or ActionType.RegenerateLink or ActionType.CardUpdateLink or ActionType.AuthenticatePayment
                or ActionType.CancelSubscription or ActionType.UseCard or ActionType.ResumeSubscription or null => null,
        };
        if (money is not null && !string.IsNullOrWhiteSpace(Amount))
        {
            minor = StaffAmount.Parse(Amount, money, out var error);
            if (minor is null)
            {
                amountError = error;
                return null;
            }
        }

        return Type switch
        {
            ActionType.Refund => new ApprovedAction(type, Target, null, null, minor, null, Reason ?? "requested_by_customer"),
            ActionType.Credit => new ApprovedAction(type, null, null, null, minor, money, string.IsNullOrWhiteSpace(Reason) ? "credit by staff" : Reason.Trim()),
            ActionType.RetryPayment or ActionType.RegenerateLink => new ApprovedAction(type, null, Target, null, null, null, null),
            ActionType.CancelSubscription => new ApprovedAction(type, null, null, Target, null, null, null),
            // A card-update link needs no target; anything else the desk refuses, naming the type.
            ActionType.CardUpdateLink or ActionType.AuthenticatePayment or ActionType.UseCard or ActionType.ResumeSubscription or null
                => new ApprovedAction(type, null, null, null, null, null, null),
        };
    }
}

/// <summary>The status a person may set on an open case (closing is the close form's, with a resolution).</summary>
internal enum StaffCaseStatus
{
    Open,
    WaitingOnCustomer,
    OnHold,
}

/// <summary>The case page's status form: the status by its wire name (<see cref="CaseStatus"/>), bound typed.</summary>
internal sealed class CaseStatusForm
{
    [ModelBinder(typeof(WireNameBinder<StaffCaseStatus>))]
    public StaffCaseStatus? Status { get; set; }
}

/// <summary>Where the close form is when it improves an article: first the change is shown, then it is saved.</summary>
internal enum CloseStep
{
    Preview,
    Save,
}

/// <summary>
/// The case page's close form: the resolution, and what it does to knowledge: <c>none</c>, <c>new</c> (with a title and
/// body), or <c>improve:</c> an article (its edited body, the version it was edited from, the fingerprint of the change
/// shown, and whether a large rewrite is meant).
/// </summary>
internal sealed class CaseCloseForm
{
    public const string ImprovePrefix = "improve:";

    public string? Resolution { get; set; }

    public string? Article { get; set; }

    public string? ArticleTitle { get; set; }

    public string? ArticleBody { get; set; }

    [ModelBinder(typeof(WireNameBinder<CloseStep>))]
    public CloseStep? Step { get; set; }

    public int? BaseVersion { get; set; }

    public bool? Replace { get; set; }

    public string? Previewed { get; set; }

    /// <summary>The article being improved, when the form improves one.</summary>
    public string? ImproveId => Article?.StartsWith(ImprovePrefix, StringComparison.Ordinal) == true ? Article[ImprovePrefix.Length..] : null;

    /// <summary>The close as the case desk takes it, with the new article or the improvement it makes, if any.</summary>
    public CloseCaseRequest Request(string staffId)
    {
        var improveId = ImproveId;
        var draft = Article switch
        {
            "new" => new ArticleDraft(ArticleTitle, ArticleBody, null),
            _ when improveId is not null => new ArticleDraft(null, ArticleBody ?? "", null, BaseVersion, Replace == true),
            _ => null,
        };
        return new CloseCaseRequest(Resolution, staffId, draft, improveId);
    }
}

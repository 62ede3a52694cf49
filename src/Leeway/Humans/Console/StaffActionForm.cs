using Leeway.Policy.Actions;
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
}

namespace Leeway.Humans;

/// <summary>Why the desk did not do what it was asked: invalid input (<see cref="Errors"/>, by field) or a problem with a status.
/// The case API answers it as ProblemDetails; the console shows it on the page.</summary>
internal sealed record CaseDeskProblem(int Status, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static CaseDeskProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, "One or more validation errors occurred.", string.Join(" ", errors.SelectMany(e => e.Value)), errors);

    public static CaseDeskProblem NotFound(string id) => new(StatusCodes.Status404NotFound, "Case not found", $"There is no case '{id}'.");

    public static CaseDeskProblem Closed(string id) => new(StatusCodes.Status409Conflict, "Case closed", $"Case '{id}' is closed.");
}

/// <summary>What a use case on a case gave: its value, or the problem that stopped it.</summary>
internal sealed record CaseDeskResult<T>(T? Value, CaseDeskProblem? Problem)
    where T : class
{
    public static CaseDeskResult<T> Done(T value) => new(value, null);

    public static CaseDeskResult<T> Refused(CaseDeskProblem problem) => new(null, problem);
}

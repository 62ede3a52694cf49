namespace Leeway.Routing;

internal enum SurveyResult
{
    Recorded,

    /// <summary>No such contact for this customer (someone else's contact reads as absent).</summary>
    NotFound,

    /// <summary>The survey is one question, answered once.</summary>
    AlreadyAnswered,
}

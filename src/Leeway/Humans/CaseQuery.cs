namespace Leeway.Humans;

/// <summary>
/// What the queue shows. <see cref="State"/>: <see cref="Active"/> (every open case, waiting or not; the default), a
/// <see cref="CaseStatus"/> state, or <see cref="All"/>. <see cref="Assignee"/>: a staff id, or <see cref="Nobody"/>.
/// <see cref="Text"/> matches the case id, the customer's id, name or e-mail, or the reason. <see cref="Sort"/>:
/// <see cref="Due"/> (the response target, the default), <see cref="Newest"/>, <see cref="Oldest"/>, <see cref="Riskiest"/>.
/// </summary>
internal sealed record CaseQuery(
    string? Text = null,
    string? State = null,
    string? Risk = null,
    string? Source = null,
    string? Assignee = null,
    string? Sort = null,
    int Limit = 200)
{
    public const string Active = "active";
    public const string All = "all";
    public const string Nobody = "nobody";
    public const string Due = "due";
    public const string Newest = "newest";
    public const string Oldest = "oldest";
    public const string Riskiest = "risk";
    public const int MaxLimit = 500;
}

using System.Text.Json.Serialization;

namespace Leeway.Humans;

/// <summary><c>POST /api/v1/cases/{id}/replies</c>: a staff member's message to the customer.</summary>
internal sealed record StaffReplyRequest(
    [property: JsonPropertyName("staff_id")] string? StaffId,
    [property: JsonPropertyName("text")] string? Text);

/// <summary>
/// <c>POST /api/v1/cases/{id}/close</c>. With <c>article</c>, the resolution becomes knowledge: a new article, or a new
/// version of <c>improve_article_id</c>. Omitted article fields: when creating, body = the resolution and root causes =
/// the case's diagnosed root cause; when improving, title and root causes stay as they were. Improving needs the article's
/// whole new text in <c>article.body</c> (never empty), is refused (409) when <c>article.base_version</c> is not the
/// current version, and a text that keeps less than half of the current words needs <c>article.replace: true</c>.
/// </summary>
internal sealed record CloseCaseRequest(
    [property: JsonPropertyName("resolution")] string? Resolution,
    [property: JsonPropertyName("staff_id")] string? StaffId,
    [property: JsonPropertyName("article")] ArticleDraft? Article,
    [property: JsonPropertyName("improve_article_id")] string? ImproveArticleId);

internal sealed record ArticleDraft(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("root_causes")] IReadOnlyList<string>? RootCauses,
    [property: JsonPropertyName("base_version")] int? BaseVersion = null,
    [property: JsonPropertyName("replace")] bool? Replace = null);

/// <summary><c>POST /api/v1/cases/{id}/approve</c>: a staff member grants an action policy refused to automation.</summary>
internal sealed record ApproveActionRequest(
    [property: JsonPropertyName("staff_id")] string? StaffId,
    [property: JsonPropertyName("action")] ApprovedAction? Action);

/// <summary>
/// <c>type</c>: <c>refund</c> (<c>charge</c>, optional <c>amount</c> in minor units, optional <c>reason</c>),
/// <c>retry_payment</c> (<c>invoice</c>), <c>credit</c> (<c>amount</c>, <c>currency</c>, optional <c>reason</c>),
/// <c>cancel_subscription</c> (<c>subscription</c>). Objects must belong to the case's customer.
/// </summary>
internal sealed record ApprovedAction(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("charge")] string? Charge,
    [property: JsonPropertyName("invoice")] string? Invoice,
    [property: JsonPropertyName("subscription")] string? Subscription,
    [property: JsonPropertyName("amount")] long? Amount,
    [property: JsonPropertyName("currency")] string? Currency,
    [property: JsonPropertyName("reason")] string? Reason);

/// <summary><c>POST /api/v1/cases/{id}/assign</c>: give the case to <c>assignee</c> (a staff id; null or empty: to nobody).</summary>
internal sealed record AssignCaseRequest(
    [property: JsonPropertyName("staff_id")] string? StaffId,
    [property: JsonPropertyName("assignee")] string? Assignee);

/// <summary><c>POST /api/v1/cases/{id}/status</c>: <c>open</c>, <c>waiting_on_customer</c> or <c>on_hold</c> (closing has its own call).</summary>
internal sealed record CaseStatusRequest(
    [property: JsonPropertyName("staff_id")] string? StaffId,
    [property: JsonPropertyName("status")] string? Status);

/// <summary><c>POST /api/v1/cases/{id}/notes</c>: an internal note for the team; the customer never sees it.</summary>
internal sealed record CaseNoteRequest(
    [property: JsonPropertyName("staff_id")] string? StaffId,
    [property: JsonPropertyName("text")] string? Text);

/// <summary><c>POST /api/v1/cases/{id}/merge</c>: merge this case into <c>into</c>, another open case of the same customer.</summary>
internal sealed record MergeCaseRequest(
    [property: JsonPropertyName("staff_id")] string? StaffId,
    [property: JsonPropertyName("into")] string? Into);

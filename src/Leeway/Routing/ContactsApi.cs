using System.Text.Json.Serialization;
using Leeway.Agent.Understanding;
using Leeway.Billing;
using Leeway.Humans;
using Leeway.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Leeway.Routing;

/// <summary>
/// Contacts that do not start in the chat (an email to billing support, posted by the mail gateway), and the
/// one-question effort survey after any contact or conversation. Chat, dashboard and Tier 0 contacts are recorded
/// in-process, through their capability's observer hook (<see cref="ChatContacts"/>, <see cref="DashboardContacts"/>,
/// <see cref="CaseContacts"/>, <see cref="PreventContacts"/>).
/// </summary>
internal static class ContactsApi
{
    public const int MaxBodyLength = 20_000;

    public static IEndpointRouteBuilder MapContacts(this IEndpointRouteBuilder app)
    {
        var service = app.MapGroup("/api/v1/contacts").RequireAuthorization(IdentityRegistration.ServicePolicy).WithTags("Routing");
        service.MapPost("/", ReceiveAsync).WithName("ReceiveContact")
            .WithSummary("Classify, route and record an incoming contact (an email to billing support); Tier 3 opens a case.");
        service.MapGet("/{id}", GetAsync).WithName("GetContact").WithSummary("A recorded contact with its routing decision and outcome.");

        var customer = app.MapGroup("/api/v1/contacts").RequireAuthorization(IdentityRegistration.CustomerPolicy).WithTags("Routing");
        customer.MapPost("/{id}/survey", SurveyAsync).WithName("AnswerEffortSurvey")
            .WithSummary("The one-question effort survey after a contact: score 1 (very hard) to 5 (very easy), once, own contacts only.");

        // The chat knows its conversation, not its contact: the same survey, addressed by the conversation.
        app.MapGroup("/api/v1/conversations").RequireAuthorization(IdentityRegistration.CustomerPolicy).WithTags("Routing")
            .MapPost("/{id}/survey", ConversationSurveyAsync).WithName("AnswerConversationSurvey")
            .WithSummary("The one-question effort survey after a conversation with Lee: score 1 (very hard) to 5 (very easy), once, own conversations only.");
        return app;
    }

    public static async Task<Results<Created<RoutedContact>, ValidationProblem>> ReceiveAsync(
        IncomingContact request,
        IUnderstander understander,
        IBillingReader billing,
        IContactRouter router,
        IContactLog log,
        [FromServices] CaseDesk desk,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var text = $"{request.Subject}\n{request.Body}".Trim();
        var understanding = understander.Understand(text, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var (customerId, plan, risk) = await KnownCustomerAsync(request.CustomerId, billing, loggers.CreateLogger(typeof(ContactsApi)), ct);
        var channel = string.IsNullOrWhiteSpace(request.Channel) ? ContactChannel.Email : request.Channel.Trim().ToLowerInvariant();
        // A mail sender has proved nothing, even when the gateway matched the address to a customer.
        var facts = new ContactFacts(channel, understanding.Intent, understanding.Confidence, Authenticated: false, plan, risk, SelfServeEligible: null);
        var decision = router.Route(facts);
        var contact = await log.RecordContactAsync(NewContact.From(facts, customerId, decision), ct);

        string? caseId = null;
        if (decision.Tier == Tier.Human)
        {
            var opened = await desk.OpenWithContextAsync(
                new CaseOpening(
                    customerId ?? $"email:{request.FromEmail!.Trim()}",
                    decision.Reason,
                    CaseSources.Contact,
                    risk,
                    $"{channel} from {request.FromEmail!.Trim()}: {request.Subject}. Intent: {understanding.Intent} ({understanding.Confidence:0.00}). Routed by rule {decision.Rule}.",
                    Lines: [new TranscriptLine(request.FromEmail!.Trim(), text, contact.DecidedAt)]),
                ct);
            caseId = opened.Id;
            contact = await log.RecordOutcomeAsync(contact.Id, ContactOutcome.Escalated, Tier.Human, caseId, ct) ?? contact;
        }

        return TypedResults.Created(
            $"/api/v1/contacts/{contact.Id}",
            new RoutedContact(contact.Id, customerId, understanding.Intent, understanding.Confidence, decision, caseId));
    }

    public static async Task<Results<Ok<Contact>, NotFound>> GetAsync(string id, IContactLog log, CancellationToken ct) =>
        await log.GetAsync(id, ct) is { } contact ? TypedResults.Ok(contact) : TypedResults.NotFound();

    public static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>, ValidationProblem>> SurveyAsync(
        string id, EffortSurvey request, HttpContext http, IContactLog log, CancellationToken ct)
    {
        if (request.Score is not (>= 1 and <= 5))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["score"] = [$"Score must be 1 to 5, not {request.Score}."] });
        }

        return await log.RecordSurveyAsync(id, http.User.CustomerId()!, request.Score, ct) switch
        {
            SurveyResult.Recorded => TypedResults.NoContent(),
            SurveyResult.AlreadyAnswered => TypedResults.Conflict(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Already answered",
                Detail = $"The effort survey for contact {id} was already answered.",
            }),
            _ => TypedResults.NotFound(),
        };
    }

    public static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>, ValidationProblem>> ConversationSurveyAsync(
        string id, EffortSurvey request, HttpContext http, IContactLog log, CancellationToken ct)
    {
        if (request.Score is not (>= 1 and <= 5))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["score"] = [$"Score must be 1 to 5, not {request.Score}."] });
        }

        // Someone else's conversation reads as absent: the contact log checks the owner in the same statement.
        return await log.FindByConversationAsync(id, ct) is { } contact
            ? await SurveyAsync(contact.Id, request, http, log, ct)
            : TypedResults.NotFound();
    }

    /// <summary>Plan and risk from Stripe metadata; a sender Stripe does not know is treated as unknown, not as an error.</summary>
    private static async Task<(string? CustomerId, string Plan, string Risk)> KnownCustomerAsync(string? customerId, IBillingReader billing, ILogger logger, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(customerId))
        {
            return (null, "free", "normal");
        }

        try
        {
            return await billing.ReadAsync(customerId.Trim(), ct) is { } snapshot
                ? (snapshot.Customer.Id, snapshot.Plan, snapshot.Risk)
                : (null, "free", "normal");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Routing still happens (an unverified sender never gets account actions); the case says what we knew.
            logger.LogWarning(e, "Could not read billing for {Customer} while routing a contact", customerId);
            return (customerId.Trim(), "free", "unknown");
        }
    }
}

internal sealed record IncomingContact(
    [property: JsonPropertyName("from_email")] string? FromEmail,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("customer_id")] string? CustomerId,
    [property: JsonPropertyName("channel")] string? Channel)
{
    internal Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(FromEmail) || !FromEmail.Contains('@', StringComparison.Ordinal) || FromEmail.Length > 320)
        {
            errors["from_email"] = [$"An email address is required, not '{FromEmail}'."];
        }

        if (string.IsNullOrWhiteSpace(Subject) && string.IsNullOrWhiteSpace(Body))
        {
            errors["body"] = ["A subject or a body is required."];
        }

        if ((Subject?.Length ?? 0) + (Body?.Length ?? 0) > ContactsApi.MaxBodyLength)
        {
            errors["body"] = [$"Subject and body together must be at most {ContactsApi.MaxBodyLength} characters."];
        }

        if (Channel is { Length: > 32 })
        {
            errors["channel"] = ["A channel name is at most 32 characters."];
        }

        return errors;
    }
}

internal sealed record RoutedContact(
    [property: JsonPropertyName("contact_id")] string ContactId,
    [property: JsonPropertyName("customer")] string? CustomerId,
    [property: JsonPropertyName("intent")] string Intent,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("decision")] RoutingDecision Decision,
    [property: JsonPropertyName("case_id")] string? CaseId);

internal sealed record EffortSurvey([property: JsonPropertyName("score")] int Score);

using System.Text.Json.Serialization;
using Leeway.Agent.Conversations;
using Leeway.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leeway.Agent;

/// <summary>The chat API: a conversation belongs to the customer whose token started it, and to no one else.</summary>
internal static class AgentApi
{
    public static IEndpointRouteBuilder MapAgent(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/conversations").RequireAuthorization(IdentityRegistration.CustomerPolicy).WithTags("Agent Lee");
        group.MapPost("/", StartAsync).WithMetadata(new RateLimitedAttribute(RateLimits.Chat)).WithName("StartConversation").WithSummary("Start a conversation with Agent Lee.");
        group.MapPost("/{id}/messages", SendAsync).WithMetadata(new RateLimitedAttribute(RateLimits.Chat)).WithName("SendMessage").WithSummary("Send a message; returns Lee's reply, links issued, and the conversation's state.");
        group.MapGet("/{id}", GetAsync).WithName("GetConversation").WithSummary("A conversation's transcript and state.");
        return app;
    }

    public static async Task<Created<ConversationView>> StartAsync(StartConversation? request, HttpContext http, ConversationStore store, CancellationToken ct)
    {
        var conversation = await store.StartAsync(http.User.CustomerId()!, request?.Channel ?? "chat", ct);
        return TypedResults.Created($"/api/v1/conversations/{conversation.Id}", new ConversationView(conversation.Id, conversation.State, conversation.CaseId, []));
    }

    public static async Task<Results<Ok<ChatReply>, NotFound, ValidationProblem>> SendAsync(string id, CustomerMessage request, HttpContext http, ConversationStore store, AgentLee lee, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 4000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["Write a message of 1 to 4000 characters."] });
        }

        var conversation = await store.GetAsync(id, http.User.CustomerId()!, ct);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await lee.HandleAsync(conversation, request.Text.Trim(), ct));
    }

    public static async Task<Results<Ok<ConversationView>, NotFound>> GetAsync(string id, HttpContext http, ConversationStore store, CancellationToken ct)
    {
        var conversation = await store.GetAsync(id, http.User.CustomerId()!, ct);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }

        var messages = await store.MessagesAsync(id, ct);
        return TypedResults.Ok(new ConversationView(conversation.Id, conversation.State, conversation.CaseId, messages.Select(m => new MessageView(m.From, m.Text, m.At)).ToList()));
    }
}

internal sealed record StartConversation([property: JsonPropertyName("channel")] string? Channel);

internal sealed record CustomerMessage([property: JsonPropertyName("text")] string Text);

internal sealed record ConversationView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("case_id")] string? CaseId,
    [property: JsonPropertyName("messages")] IReadOnlyList<MessageView> Messages);

internal sealed record MessageView(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("at")] DateTimeOffset At);

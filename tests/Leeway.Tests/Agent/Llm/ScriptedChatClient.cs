using Microsoft.Extensions.AI;

namespace Leeway.Tests.Agent.Llm;

/// <summary>
/// Stands where a hosted LLM stands (the one edge that cannot exist here), behind the same <see cref="IChatClient"/>
/// interface: each call answers with the next scripted response and records what it was asked.
/// </summary>
internal sealed class ScriptedChatClient(params Func<IReadOnlyList<ChatMessage>, ChatResponse>[] script) : IChatClient
{
    private readonly Queue<Func<IReadOnlyList<ChatMessage>, ChatResponse>> _script = new(script);
    private readonly List<ScriptedCall> _calls = [];

    public IReadOnlyList<ScriptedCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>A response asking for one tool call, as a model would.</summary>
    public static Func<IReadOnlyList<ChatMessage>, ChatResponse> CallTool(string tool, IDictionary<string, object?> arguments) =>
        _ => new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent($"call_{tool}", tool, arguments)]));

    /// <summary>A plain text answer.</summary>
    public static Func<IReadOnlyList<ChatMessage>, ChatResponse> Say(string text) =>
        _ => new ChatResponse(new ChatMessage(ChatRole.Assistant, text));

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var asked = messages.ToList();
        Func<IReadOnlyList<ChatMessage>, ChatResponse> next;
        lock (_calls)
        {
            _calls.Add(new ScriptedCall(asked, options?.Tools?.Select(t => t.Name).ToList() ?? []));
            next = _script.Count > 0 ? _script.Dequeue() : Say("Is there anything else I can help with?");
        }

        return Task.FromResult(next(asked));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Lee does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}

internal sealed record ScriptedCall(IReadOnlyList<ChatMessage> Messages, IReadOnlyList<string> Tools);

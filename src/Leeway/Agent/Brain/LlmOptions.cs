namespace Leeway.Agent.Brain;

/// <summary>An OpenAI-compatible endpoint (OpenAI, Azure OpenAI, Ollama, vLLM). Empty endpoint: the built-in brain.</summary>
internal sealed class LlmOptions
{
    public const string Section = "Agent:Llm";

    public string? Endpoint { get; set; }

    public string Model { get; set; } = "gpt-4o-mini";

    public string? ApiKey { get; set; }
}

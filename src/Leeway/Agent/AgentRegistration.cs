using System.ClientModel;
using Leeway.Agent.Brain;
using Leeway.Agent.Conversations;
using Leeway.Agent.Replies;
using Leeway.Agent.Understanding;
using Leeway.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Leeway.Agent;

internal static class AgentRegistration
{
    public static WebApplicationBuilder AddAgent(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISchema, ConversationSchema>();
        builder.Services.AddSingleton<ConversationStore>();
        builder.Services.AddSingleton<Humans.ICustomerConversations, CustomerConversations>();
        builder.Services.AddSingleton<ConversationLanguage>();
        builder.Services.AddSingleton<ReplyGuard>();
        // Lee's words come from resources (Agent/Replies/LeeSays*.resx), one translation per language it answers in.
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<AgentLee>();
        builder.Services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section);
        builder.Services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.Section)
            .Validate(o => o.TurnDeadlineMs is >= 100 and <= 120_000, "Agent:TurnDeadlineMs must be between 100 and 120000 (milliseconds one chat turn may take).")
            .ValidateOnStart();
        builder.Services.AddSingleton<IBrain>(sp =>
        {
            var llm = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
            if (sp.GetService<IChatClient>() is { } configured)
            {
                // A chat client registered by the host (tests script one) drives the same tools; calls to them are invoked here.
                return new LlmBrain(configured.GetService<FunctionInvokingChatClient>() is null ? configured.AsBuilder().UseFunctionInvocation().Build() : configured);
            }

            if (string.IsNullOrWhiteSpace(llm.Endpoint))
            {
                return new BuiltInBrain();
            }

            var client = new OpenAI.Chat.ChatClient(llm.Model, new ApiKeyCredential(llm.ApiKey ?? "none"), new OpenAI.OpenAIClientOptions { Endpoint = new Uri(llm.Endpoint) });
            return new LlmBrain(client.AsIChatClient().AsBuilder().UseFunctionInvocation().Build());
        });
        builder.Services.AddUnderstanding();
        builder.Services.AddHostedService<LeeWarmUp>();
        return builder;
    }
}

using Leeway.Policy.Actions;
using Leeway.Policy.Facts;
using Leeway.Policy.Rules;
using Leeway.Storage;
using Microsoft.Extensions.Options;

namespace Leeway.Policy;

internal static class PolicyRegistration
{
    /// <summary>
    /// The policy (policy.yaml + <c>Policy:Overrides:*</c>, validated at start: a bad key or value stops the host with a
    /// message naming it) and the gate with its Stripe facts reader, executor and resilience pipeline.
    /// </summary>
    public static WebApplicationBuilder AddPolicy(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureOptions<PolicyOptions>, PolicyOptionsSetup>();
        builder.Services.AddSingleton<IValidateOptions<PolicyOptions>, PolicyOptionsValidator>();
        builder.Services.AddOptions<PolicyOptions>().ValidateOnStart();
        builder.Services.AddSingleton<IPolicyProvider, PolicyProvider>();
        builder.Services.AddSingleton<StripeResilience>();
        builder.Services.AddSingleton<IGateFacts, StripeGateFacts>();
        builder.Services.AddSingleton<IActionExecutor, StripeActionExecutor>();
        builder.Services.AddSingleton<CustomerLocks>();
        builder.Services.AddSingleton<ISchema, PolicySchema>();
        builder.Services.AddSingleton<IDataMigration, GateActionsBackfill>();
        builder.Services.AddSingleton<GateActions>();
        builder.Services.AddSingleton<IGateActions>(sp => sp.GetRequiredService<GateActions>());
        builder.Services.AddSingleton<IGate, Gate>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPolicy(this IEndpointRouteBuilder app)
    {
        return app;
    }
}

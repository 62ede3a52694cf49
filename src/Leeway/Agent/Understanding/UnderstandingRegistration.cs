using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Leeway.Agent.Understanding;

public static class UnderstandingRegistration
{
    /// <summary>Registers <see cref="IUnderstander"/> as a singleton over the process-wide intent model.</summary>
    public static IServiceCollection AddUnderstanding(this IServiceCollection services)
    {
        services.TryAddSingleton<IUnderstander>(_ => new Understander(SharedIntentModel.Instance));
        return services;
    }
}

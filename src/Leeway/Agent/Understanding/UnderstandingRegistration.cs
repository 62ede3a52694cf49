using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Leeway.Agent.Understanding;

internal static class UnderstandingRegistration
{
    /// <summary>
    /// Registers <see cref="IUnderstander"/> as a singleton over the process-wide intent models: n-grams plus the
    /// sentence encoder for each message, n-grams alone for bulk classification (see <see cref="SharedIntentModel"/>).
    /// </summary>
    public static IServiceCollection AddUnderstanding(this IServiceCollection services)
    {
        services.TryAddSingleton<IUnderstander>(_ => SharedIntentModel.ProductUnderstander());
        return services;
    }
}

using Leeway.Storage;
using Microsoft.Extensions.Options;

namespace Leeway.Humans;

internal static class HumansRegistration
{
    public static WebApplicationBuilder AddHumans(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HumansOptions>().BindConfiguration(HumansOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<HumansOptions>, HumansOptionsValidator>();
        builder.Services.AddSingleton<ISchema, HumansSchema>();
        builder.Services.AddSingleton<CaseEvents>();
        builder.Services.AddSingleton<ICaseEvents>(sp => sp.GetRequiredService<CaseEvents>());
        builder.Services.AddSingleton<CaseStore>();
        builder.Services.AddSingleton<ICaseStore>(sp => sp.GetRequiredService<CaseStore>());
        builder.Services.AddSingleton<CaseDesk>();
        builder.Services.AddSingleton<CaseCustomers>();
        builder.Services.AddSingleton<IStaffDirectory, StaffDirectory>();
        // After AddStorage's migrator, so the staff table exists.
        builder.Services.AddHostedService<StaffSeeder>();
        return builder;
    }

    public static IEndpointRouteBuilder MapHumans(this IEndpointRouteBuilder app)
    {
        app.MapHumansApi();
        return app;
    }
}

using Microsoft.Extensions.Options;

namespace Leeway.Storage;

internal static class StorageRegistration
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var connectionString = options.ConnectionString;
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                connectionString = $"Data Source={Path.Combine(options.DataDirectory, "leeway.db")}";
            }

            return new Database(connectionString);
        });
        // Registered first so every other hosted service starts on a migrated database.
        builder.Services.AddHostedService<SchemaMigrator>();
        return builder;
    }
}

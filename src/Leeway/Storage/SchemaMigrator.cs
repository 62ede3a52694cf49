using Dapper;

namespace Leeway.Storage;

/// <summary>Applies every capability's <see cref="ISchema"/> at start, so a fresh database is ready before the first request.</summary>
public sealed class SchemaMigrator(Database database, IEnumerable<ISchema> schemas, ILogger<SchemaMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var schema in schemas)
        {
            foreach (var statement in schema.Statements(database.Dialect))
            {
                await connection.ExecuteAsync(new CommandDefinition(statement, cancellationToken: cancellationToken));
            }

            logger.LogDebug("Schema for {Capability} applied", schema.Capability);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

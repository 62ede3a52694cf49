using Microsoft.Extensions.Options;

namespace Leeway.Humans;

/// <summary>Creates the configured staff accounts that do not exist yet (by email). Never changes an existing account or its password.</summary>
internal sealed class StaffSeeder(IStaffDirectory staff, IOptions<HumansOptions> options, ILogger<StaffSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var seed in options.Value.Staff)
        {
            if (await staff.FindByEmailAsync(seed.Email!, cancellationToken) is not null)
            {
                continue;
            }

            try
            {
                var member = await staff.CreateAsync(seed.Email!, seed.Name!, seed.Password!, seed.Role, cancellationToken);
                logger.LogInformation("Staff account {StaffId} created for {Email}", member.Id, member.Email);
            }
            catch (InvalidOperationException)
            {
                // Another host created it between our look-up and insert; that account stands.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

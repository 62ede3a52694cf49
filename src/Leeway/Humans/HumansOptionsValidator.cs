using Leeway.Identity;
using Microsoft.Extensions.Options;

namespace Leeway.Humans;

/// <summary>Fails at start, naming the key, when a staff seed or a queue target is unusable. Never echoes a password.</summary>
internal sealed class HumansOptionsValidator : IValidateOptions<HumansOptions>
{
    public ValidateOptionsResult Validate(string? name, HumansOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Staff.Count; i++)
        {
            var seed = options.Staff[i];
            var key = $"{HumansOptions.Section}:Staff:{i}";
            if (StaffDirectory.EmailProblem(seed.Email) is { } email)
            {
                errors.Add($"{key}:Email: {email}");
            }

            if (string.IsNullOrWhiteSpace(seed.Name))
            {
                errors.Add($"{key}:Name is required.");
            }

            if (StaffDirectory.PasswordProblem(seed.Password) is { } password)
            {
                errors.Add($"{key}:Password: {password}");
            }

            if (StaffRoles.Parse(seed.Role) is null)
            {
                errors.Add($"{key}:Role '{seed.Role}' is not one of: {string.Join(", ", StaffRoles.All)}.");
            }
        }

        var queue = options.Queue;
        var prefix = $"{HumansOptions.Section}:Queue";
        if (queue.HighRiskTargetMinutes < 1 || queue.ElevatedRiskTargetMinutes < queue.HighRiskTargetMinutes || queue.NormalRiskTargetMinutes < queue.ElevatedRiskTargetMinutes)
        {
            errors.Add($"{prefix}: targets must satisfy 1 <= HighRiskTargetMinutes ({queue.HighRiskTargetMinutes}) <= ElevatedRiskTargetMinutes ({queue.ElevatedRiskTargetMinutes}) <= NormalRiskTargetMinutes ({queue.NormalRiskTargetMinutes}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

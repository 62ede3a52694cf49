using Leeway.SelfHeal;

namespace Leeway.Tests.Architecture;

/// <summary>
/// The meter's page model is thin: its use cases live in SelfHeal's own classes (<see cref="MeterReading"/>,
/// <see cref="MeterFixes"/>, <see cref="MeterChat"/>, <see cref="MeterCases"/>), so its constructor stays short.
/// </summary>
public sealed class ThinPageTests
{
    private const int MaxMeterDependencies = 6;

    [Fact]
    public void The_meter_page_model_takes_few_dependencies()
    {
        var parameters = typeof(MeterModel).GetConstructors().Max(c => c.GetParameters().Length);

        Assert.True(parameters <= MaxMeterDependencies, $"MeterModel takes {parameters} dependencies (at most {MaxMeterDependencies}): move the use case into a SelfHeal class.");
    }
}

using Leeway.Agent.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Agent.Understanding;

public sealed class UnderstandingRegistrationTests
{
    [Fact]
    public void Registers_one_understander_per_container_over_one_model_per_process()
    {
        using var first = new ServiceCollection().AddUnderstanding().BuildServiceProvider();
        using var second = new ServiceCollection().AddUnderstanding().BuildServiceProvider();

        var a = first.GetRequiredService<IUnderstander>();
        Assert.Same(a, first.GetRequiredService<IUnderstander>());
        Assert.Equal(Intent.DuplicateCharge, a.Understand("billed twice for November").Intent);
        Assert.Equal(Intent.RefundStatus, second.GetRequiredService<IUnderstander>().Understand("did my refund go through? still nothing on my card").Intent);
    }

    [Fact]
    public void The_product_host_resolves_the_understander()
    {
        var app = LeewayApp.Build([], new Dictionary<string, string?> { ["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "leeway-nlu-" + Path.GetRandomFileName()) });
        Assert.NotNull(app.Services.GetRequiredService<IUnderstander>());
    }
}

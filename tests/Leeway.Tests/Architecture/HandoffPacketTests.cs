using Leeway.Humans;

namespace Leeway.Tests.Architecture;

/// <summary>
/// A handoff packet is made in one place: the case desk builds it when a case opens (<see cref="CaseDesk"/>), and the case
/// store only merges two of the same conversation or problem. No tier, page or endpoint gathers a packet of its own.
/// </summary>
public sealed class HandoffPacketTests
{
    private static readonly HashSet<string> Makers = [typeof(CaseDesk).FullName!, typeof(CaseStore).FullName!, typeof(HandoffPacket).FullName!];

    [Fact]
    public void Only_the_case_desk_and_the_store_merge_make_a_packet()
    {
        var makers = Constructions().Select(c => c.Type).ToHashSet();
        var strays = makers.Where(t => !Makers.Contains(t)).ToList();

        Assert.True(strays.Count == 0, $"HandoffPacket made outside the case desk:\n{string.Join("\n", strays)}");
    }

    [Fact]
    public void The_check_sees_the_desks_own_packet()
    {
        // If the desk's construction is not seen (an async method's state machine, say), the rule above proves nothing.
        Assert.Contains(typeof(CaseDesk).FullName!, Constructions().Select(c => c.Type));
    }

    private static IEnumerable<(string Type, string Method)> Constructions() =>
        from type in ProductIl.Types
        from method in type.Methods
        from call in ProductIl.Calls(method)
        where call.Name == ".ctor" && call.DeclaringType.FullName == typeof(HandoffPacket).FullName
        select (ProductIl.TopLevel(type).FullName, method.Name);
}

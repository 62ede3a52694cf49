using Leeway.Humans;

namespace Leeway.Tests.Architecture;

/// <summary>
/// A case changes only through the case desk (<see cref="CaseDesk"/>): the case API, the console, Lee, the meter, Tier 0
/// and the contact API call the desk, never the store's writes, so a use case on a case is written once.
/// </summary>
public sealed class CaseChangeTests
{
    /// <summary>The store's writes to a case.</summary>
    private static readonly HashSet<string> Writes =
    [
        nameof(CaseStore.OpenAsync), nameof(CaseStore.CloseAsync), nameof(CaseStore.CloseOnceAsync), nameof(CaseStore.AddTranscriptLineAsync),
        nameof(CaseStore.AddActionAsync), nameof(CaseStore.AssignAsync), nameof(CaseStore.SetHoldAsync), nameof(CaseStore.AddNoteAsync),
        nameof(CaseStore.MergeIntoAsync), nameof(CaseStore.SetArticleAsync), nameof(CaseStore.RefreshDiagnosisAsync),
    ];

    private static readonly HashSet<string> Store = [typeof(CaseStore).FullName!, typeof(ICaseStore).FullName!];

    [Fact]
    public void Only_the_case_desk_writes_a_case()
    {
        var strays = Calls().Where(c => c.Caller != typeof(CaseDesk).FullName && !Store.Contains(c.Caller))
            .Select(c => $"{c.Caller} calls {c.Write}").Distinct().ToList();

        Assert.True(strays.Count == 0, $"A case written outside the case desk:\n{string.Join("\n", strays)}");
    }

    [Fact]
    public void The_check_sees_the_desks_own_writes()
    {
        Assert.Contains(Calls(), c => c.Caller == typeof(CaseDesk).FullName && c.Write == nameof(CaseStore.OpenAsync));
    }

    private static List<(string Caller, string Write)> Calls() => (
        from type in ProductIl.Types
        from method in type.Methods
        from call in ProductIl.Calls(method)
        where Store.Contains(call.DeclaringType.FullName) && Writes.Contains(call.Name)
        select (ProductIl.TopLevel(type).FullName, call.Name)).ToList();
}

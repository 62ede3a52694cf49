using Leeway.Diagnostics.Sources;

namespace Leeway.Diagnostics.Rules;

/// <summary><c>source_unavailable</c>: one finding per source that did not answer in time, naming it.</summary>
internal sealed class SourceUnavailableRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisInput input) =>
        input.UnavailableSources.Select(source => new FindingBuilder(RootCause.SourceUnavailable)
            .Fact(FactKeys.Source, source)
            .Build($"We could not reach {SourceNames.Describe(source)}, so what they hold is not part of this diagnosis."));
}

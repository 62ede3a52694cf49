namespace Leeway.Diagnostics.Rules;

/// <summary>One root cause's test: a pure function of the input, no I/O. Returns every instance that holds.</summary>
internal interface IDiagnosisRule
{
    IEnumerable<Finding> Evaluate(DiagnosisInput input);
}

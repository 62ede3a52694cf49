namespace Leeway.Diagnostics;

/// <summary>The diagnosis result cache, as the code that learns of a change sees it (webhooks, the gate after acting).</summary>
internal interface IDiagnosisCache
{
    /// <summary>Forgets the customer's cached diagnosis, including one being computed right now.</summary>
    void Invalidate(string customerId);
}

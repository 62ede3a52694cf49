using Leeway.Agent.Tools;

namespace Leeway.Agent.Brain;

/// <summary>
/// The decide step of Lee's loop: given a turn (understanding, diagnosis, billing, history), use the tools
/// (which act only through the gate) and write the reply. The built-in brain and an LLM brain both implement it.
/// </summary>
internal interface IBrain
{
    string Name { get; }

    /// <returns>Lee's reply to the customer (checked by the reply guard before it is sent).</returns>
    Task<string> DecideAsync(Turn turn, LeeTools tools, CancellationToken ct);
}

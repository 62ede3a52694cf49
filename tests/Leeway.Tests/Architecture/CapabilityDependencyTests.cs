using Mono.Cecil;

namespace Leeway.Tests.Architecture;

/// <summary>
/// What may depend on what, read from the compiled types' namespaces (one capability folder, one namespace root), so a
/// fully qualified name or a <c>global using</c> cannot hide a dependency the way it hides from a grep of <c>using</c>s.
/// </summary>
public sealed class CapabilityDependencyTests
{
    [Fact]
    public void No_import_loop_between_capability_folders()
    {
        var edges = Edges();
        var loops = StronglyConnected(edges).Where(c => c.Count > 1).ToList();

        Assert.True(loops.Count == 0, string.Join("\n", loops.Select(loop =>
            $"loop through {string.Join(", ", loop.Order())}:\n  " + string.Join("\n  ", edges
                .Where(e => loop.Contains(e.Key.From) && loop.Contains(e.Key.To))
                .OrderBy(e => e.Key.From).ThenBy(e => e.Key.To)
                .Select(e => $"{e.Key.From} -> {e.Key.To}: {e.Value}")))));
    }

    [Theory]
    [InlineData("Storage")]
    [InlineData("Billing")]
    public void Leaves_depend_on_no_other_capability(string leaf)
    {
        var outgoing = Edges().Where(e => e.Key.From == leaf).Select(e => $"{e.Key.To}: {e.Value}").ToList();

        Assert.True(outgoing.Count == 0, $"{leaf} depends on:\n{string.Join("\n", outgoing)}");
    }

    [Fact]
    public void Diagnostics_never_reaches_up_to_the_tiers()
    {
        string[] tiers = ["Prevent", "SelfHeal", "Agent", "Humans", "Routing", "Observability", "Eval", "Cli"];

        var upward = Edges().Where(e => e.Key.From == "Diagnostics" && tiers.Contains(e.Key.To)).Select(e => $"{e.Key.To}: {e.Value}").ToList();

        Assert.True(upward.Count == 0, string.Join("\n", upward));
    }

    /// <summary>Capability to capability, each with one place it happens.</summary>
    internal static Dictionary<(string From, string To), string> Edges()
    {
        var edges = new Dictionary<(string From, string To), string>();
        foreach (var type in ProductIl.Types)
        {
            if (ProductIl.CapabilityOf(type) is not { } from)
            {
                continue;
            }

            foreach (var (target, where) in ProductIl.TypeReferences(type))
            {
                if (target.Scope is ModuleDefinition && ProductIl.CapabilityOf(target) is { } to && to != from)
                {
                    edges.TryAdd((from, to), $"{where} uses {target.FullName}");
                }
            }
        }

        return edges;
    }

    /// <summary>Tarjan's strongly connected components: a component of more than one node is a loop.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<(string From, string To), string> edges)
    {
        var nodes = edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct().Order().ToList();
        var next = nodes.ToDictionary(n => n, n => edges.Keys.Where(e => e.From == n).Select(e => e.To).ToList());
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var to in next[node])
            {
                if (!index.TryGetValue(to, out var seen))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (stack.Contains(to))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string popped;
                do
                {
                    popped = stack.Pop();
                    component.Add(popped);
                }
                while (popped != node);
                components.Add(component);
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return components;
    }
}

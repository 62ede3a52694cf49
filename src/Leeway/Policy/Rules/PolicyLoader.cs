using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Leeway.Policy.Rules;

/// <summary>
/// Reads policy.yaml (a flat mapping of the keys in <see cref="PolicyKeys"/>) and configuration overrides into
/// <see cref="PolicySettings"/>. Every problem is collected with the source, the key, the value and the allowed values,
/// so a bad file fails the start with one message listing all of them.
/// </summary>
internal static class PolicyLoader
{
    public static PolicySettings ParseYaml(string yaml, string source, PolicySettings start, List<string> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            errors.Add($"{source}: not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}");
            return start;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return start;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add($"{source}: expected a mapping of policy keys ({PolicyKeys.Names}) at the top level");
            return start;
        }

        var settings = start;
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? keyNode.ToString();
            var where = $"{source} (line {keyNode.Start.Line})";
            string? raw = valueNode switch
            {
                YamlScalarNode scalar => scalar.Value ?? "",
                YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode) =>
                    string.Join(",", list.Children.Cast<YamlScalarNode>().Select(c => c.Value)),
                _ => null,
            };
            settings = Apply(settings, name, raw, where, errors);
        }

        return settings;
    }

    /// <summary>Applies one key's value; an unknown key or a value it does not allow is an error naming both.</summary>
    public static PolicySettings Apply(PolicySettings settings, string name, string? raw, string where, List<string> errors)
    {
        var key = PolicyKeys.Find(name);
        if (key is null)
        {
            errors.Add($"{where}: unknown policy key '{name}' (allowed keys: {PolicyKeys.Names})");
            return settings;
        }

        var value = raw?.Trim().Trim('"');
        if (value is null || key.Apply(settings, value) is not { } applied)
        {
            errors.Add($"{where}: {name} = '{raw ?? "(not a plain value)"}' is not allowed; expected {key.Allowed}");
            return settings;
        }

        return applied;
    }
}

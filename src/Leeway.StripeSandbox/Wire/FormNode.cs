namespace Leeway.StripeSandbox.Wire;

/// <summary>One node of a form-encoded parameter tree: a leaf string, or named/indexed children
/// (<c>items[0][price]=x</c> gives items → 0 → price → "x").</summary>
internal sealed class FormNode
{
    public string? Value { get; set; }

    public Dictionary<string, FormNode> Children { get; } = new(StringComparer.Ordinal);

    public bool IsLeaf => Children.Count == 0;

    public FormNode Child(string key)
    {
        if (!Children.TryGetValue(key, out var child))
        {
            child = new FormNode();
            Children[key] = child;
        }

        return child;
    }
}

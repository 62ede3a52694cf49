namespace Leeway.StripeSandbox.Wire;

/// <summary>The <c>expand[]</c> paths of a request as a tree: <c>data.payments</c> gives data → payments.</summary>
internal sealed class ExpandTree
{
    public static ExpandTree None { get; } = new();

    private readonly Dictionary<string, ExpandTree> _children = new(StringComparer.Ordinal);

    public static ExpandTree From(IEnumerable<string> paths)
    {
        var root = new ExpandTree();
        foreach (var path in paths)
        {
            var node = root;
            foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!node._children.TryGetValue(segment, out var child))
                {
                    child = new ExpandTree();
                    node._children[segment] = child;
                }

                node = child;
            }
        }

        return root;
    }

    public bool Has(string field) => _children.ContainsKey(field);

    public ExpandTree Child(string field) => _children.TryGetValue(field, out var child) ? child : None;
}

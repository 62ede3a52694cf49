using System.Text.RegularExpressions;

namespace Leeway.Tests.Architecture;

/// <summary>
/// The product's source files as text, for the conventions IL cannot see: a constant is inlined where it is used, so only
/// the source says where a spelling is written. Whole-line comments are left out (they explain, they do not spell).
/// </summary>
internal static partial class ProductSource
{
    private static readonly Lazy<IReadOnlyList<(string Path, string Text)>> Loaded = new(Load);

    /// <summary>Every <c>.cs</c> and <c>.cshtml</c> file of <c>src/Leeway</c>, as a path relative to it (with <c>/</c>) and its code.</summary>
    public static IReadOnlyList<(string Path, string Text)> Files => Loaded.Value;

    /// <summary>The files that hold <paramref name="word"/> as a whole string literal (<c>"word"</c>), outside whole-line comments.</summary>
    public static IEnumerable<string> Spelling(string word) =>
        Files.Where(f => f.Text.Contains($"\"{word}\"", StringComparison.Ordinal)).Select(f => f.Path);

    private static List<(string Path, string Text)> Load()
    {
        var src = Path.Combine(RepositoryRoot(), "src", "Leeway");
        return Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(src, f).Replace('\\', '/'), WholeLineComment().Replace(File.ReadAllText(f), "")))
            .ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Leeway.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository (Leeway.slnx) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\s*(//|@\*).*$", RegexOptions.Multiline)]
    private static partial Regex WholeLineComment();
}

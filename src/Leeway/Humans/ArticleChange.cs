using System.Text.RegularExpressions;

namespace Leeway.Humans;

/// <summary>
/// What an edit does to a knowledge article, word by word: the words kept, removed and added, so a person sees the change
/// before it is saved, and so an edit that throws most of the article away is caught as the accident it usually is
/// (e.g. a one-line resolution pasted over a page of guidance). Words are compared without their spacing, so reflowing a
/// paragraph is not a change; each segment keeps its original spacing for display.
/// </summary>
internal sealed partial class ArticleChange
{
    /// <summary>Below this share of the current words kept, saving needs an explicit "replace" (<see cref="ReplacesMost"/>).</summary>
    public const double MinKeptShare = 0.5;

    /// <summary>Past this many word pairs left after trimming the common start and end, the diff is not computed word by word (memory).</summary>
    private const long MaxCells = 4_000_000;

    private ArticleChange(IReadOnlyList<ArticleChangeSegment> segments, int beforeWords, int keptWords)
    {
        Segments = segments;
        BeforeWords = beforeWords;
        KeptWords = keptWords;
    }

    public IReadOnlyList<ArticleChangeSegment> Segments { get; }

    public int BeforeWords { get; }

    public int KeptWords { get; }

    public int AddedWords => Segments.Where(s => s.Kind == ArticleChangeKind.Added).Sum(s => s.Words);

    public int RemovedWords => BeforeWords - KeptWords;

    public bool Unchanged => AddedWords == 0 && RemovedWords == 0;

    /// <summary>True when the new text keeps less than <see cref="MinKeptShare"/> of the current text's words.</summary>
    public bool ReplacesMost => BeforeWords > 0 && KeptWords < BeforeWords * MinKeptShare;

    public static ArticleChange Compare(string before, string after)
    {
        var old = Tokens(before);
        var @new = Tokens(after);
        var prefix = 0;
        while (prefix < old.Count && prefix < @new.Count && old[prefix].Word == @new[prefix].Word)
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < old.Count - prefix && suffix < @new.Count - prefix && old[^(suffix + 1)].Word == @new[^(suffix + 1)].Word)
        {
            suffix++;
        }

        var segments = new List<ArticleChangeSegment>();
        void Add(ArticleChangeKind kind, Token token)
        {
            if (segments.Count > 0 && segments[^1].Kind == kind)
            {
                segments[^1] = segments[^1] with { Text = segments[^1].Text + token.Text, Words = segments[^1].Words + 1 };
            }
            else
            {
                segments.Add(new ArticleChangeSegment(kind, token.Text, 1));
            }
        }

        for (var i = 0; i < prefix; i++)
        {
            Add(ArticleChangeKind.Same, @new[i]);
        }

        var oldMiddle = old.Skip(prefix).Take(old.Count - prefix - suffix).ToList();
        var newMiddle = @new.Skip(prefix).Take(@new.Count - prefix - suffix).ToList();
        var kept = prefix + suffix;
        if ((long)oldMiddle.Count * newMiddle.Count > MaxCells)
        {
            oldMiddle.ForEach(t => Add(ArticleChangeKind.Removed, t));
            newMiddle.ForEach(t => Add(ArticleChangeKind.Added, t));
        }
        else
        {
            kept += Middle(oldMiddle, newMiddle, Add);
        }

        for (var i = @new.Count - suffix; i < @new.Count; i++)
        {
            Add(ArticleChangeKind.Same, @new[i]);
        }

        return new ArticleChange(segments, old.Count, kept);
    }

    /// <summary>The longest common subsequence of words, walked from the start; returns how many words it keeps.</summary>
    private static int Middle(List<Token> old, List<Token> @new, Action<ArticleChangeKind, Token> add)
    {
        var n = old.Count;
        var m = @new.Count;
        var lengths = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lengths[i, j] = old[i].Word == @new[j].Word ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n && y < m)
        {
            if (old[x].Word == @new[y].Word)
            {
                add(ArticleChangeKind.Same, @new[y]);
                x++;
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                add(ArticleChangeKind.Removed, old[x++]);
            }
            else
            {
                add(ArticleChangeKind.Added, @new[y++]);
            }
        }

        while (x < n)
        {
            add(ArticleChangeKind.Removed, old[x++]);
        }

        while (y < m)
        {
            add(ArticleChangeKind.Added, @new[y++]);
        }

        return lengths[0, 0];
    }

    private static List<Token> Tokens(string text) =>
        WordWithSpacing().Matches(text.Replace("\r\n", "\n", StringComparison.Ordinal)).Select(m => new Token(m.Groups[1].Value, m.Value)).ToList();

    [GeneratedRegex(@"(\S+)\s*")]
    private static partial Regex WordWithSpacing();

    private sealed record Token(string Word, string Text);
}

internal enum ArticleChangeKind
{
    Same,
    Added,
    Removed,
}

/// <summary>A run of words of one kind, with their original spacing.</summary>
internal sealed record ArticleChangeSegment(ArticleChangeKind Kind, string Text, int Words);

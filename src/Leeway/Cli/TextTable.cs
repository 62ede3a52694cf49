using System.Text;

namespace Leeway.Cli;

/// <summary>
/// A plain-text table that never breaks a word, whatever the width: columns as wide as their longest value; when that
/// is wider than the screen, headers wrap between words; when even that does not fit, each row becomes a block of
/// "Header: value" lines. No width (output to a file or a pipe) means one line per row, however long.
/// </summary>
internal sealed class TextTable(IReadOnlyList<TextColumn> columns)
{
    private const string Gap = "  ";
    private readonly List<string[]> _rows = [];
    private readonly List<string[]> _footer = [];

    public TextTable AddRow(params string[] cells) => Add(_rows, cells);

    /// <summary>A row under a rule, such as the totals.</summary>
    public TextTable AddFooter(params string[] cells) => Add(_footer, cells);

    public string Render(int? width)
    {
        var natural = columns.Select((c, i) => Math.Max(c.Header.Length, Cells(i).DefaultIfEmpty("").Max(s => s.Length))).ToArray();
        if (width is null || Total(natural) <= width)
        {
            return Grid(natural, columns.Select(c => new[] { c.Header }).ToArray());
        }

        var narrow = columns.Select((c, i) => Math.Max(c.Header.Split(' ').Max(w => w.Length), Cells(i).DefaultIfEmpty("").Max(s => s.Length))).ToArray();
        if (Total(narrow) <= width)
        {
            // Give the room left to the columns whose header wraps most, so headers take as few lines as they can.
            var spare = width.Value - Total(narrow);
            for (var i = 0; i < narrow.Length && spare > 0; i++)
            {
                var grow = Math.Min(spare, natural[i] - narrow[i]);
                narrow[i] += grow;
                spare -= grow;
            }

            return Grid(narrow, columns.Select((c, i) => Wrap(c.Header, narrow[i]).ToArray()).ToArray());
        }

        return Blocks(width.Value);
    }

    /// <summary>Words joined into lines of at most <paramref name="width"/>; a word longer than that stands alone, whole.</summary>
    public static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private TextTable Add(List<string[]> rows, string[] cells)
    {
        if (cells.Length != columns.Count)
        {
            throw new ArgumentException($"A row needs {columns.Count} cells, not {cells.Length}.", nameof(cells));
        }

        rows.Add(cells);
        return this;
    }

    private IEnumerable<string> Cells(int column) => _rows.Concat(_footer).Select(r => r[column]);

    private static int Total(int[] widths) => widths.Sum() + (Gap.Length * (widths.Length - 1));

    private string Grid(int[] widths, string[][] headers)
    {
        var text = new StringBuilder();
        var headerLines = headers.Max(h => h.Length);
        for (var line = 0; line < headerLines; line++)
        {
            // Headers sit on the bottom line, like the values under them.
            Line(text, widths, headers.Select(h => line - (headerLines - h.Length) is var at && at >= 0 ? h[at] : "").ToArray());
        }

        var rule = string.Join(Gap, widths.Select(w => new string('-', w)));
        text.Append(rule).Append('\n');
        foreach (var row in _rows)
        {
            Line(text, widths, row);
        }

        if (_footer.Count > 0)
        {
            text.Append(rule).Append('\n');
            foreach (var row in _footer)
            {
                Line(text, widths, row);
            }
        }

        return text.ToString();
    }

    private void Line(StringBuilder text, int[] widths, string[] cells)
    {
        var line = string.Join(Gap, cells.Select((cell, i) => columns[i].RightAligned ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i])));
        text.Append(line.TrimEnd()).Append('\n');
    }

    private string Blocks(int width)
    {
        var text = new StringBuilder();
        foreach (var row in _rows.Concat(_footer))
        {
            text.Append(row[0]).Append('\n');
            var fields = columns.Skip(1).Select((c, i) => $"{c.Header}: {row[i + 1]}").Where(f => !f.EndsWith(": ", StringComparison.Ordinal));
            var line = new StringBuilder("  ");
            foreach (var field in fields)
            {
                if (line.Length > 2 && line.Length + Gap.Length + field.Length > width)
                {
                    text.Append(line).Append('\n');
                    line.Clear().Append("  ");
                }

                if (2 + field.Length <= width)
                {
                    line.Append(line.Length > 2 ? Gap : "").Append(field);
                    continue;
                }

                // A field wider than the screen wraps between its words, the rest indented under it.
                var parts = Wrap(field, Math.Max(1, width - 4)).ToList();
                text.Append("  ").Append(parts[0]).Append('\n');
                foreach (var part in parts.Skip(1))
                {
                    text.Append("    ").Append(part).Append('\n');
                }
            }

            if (line.Length > 2)
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString();
    }
}

/// <param name="RightAligned">Numbers are; words are not.</param>
internal sealed record TextColumn(string Header, bool RightAligned = false);

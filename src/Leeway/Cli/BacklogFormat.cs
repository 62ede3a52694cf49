namespace Leeway.Cli;

/// <summary>How <c>leeway backlog rank</c> prints its ranking on standard output.</summary>
internal enum BacklogFormat
{
    /// <summary>Aligned columns for people; never breaks a word, whatever the width.</summary>
    Table,

    /// <summary>One line per intent, money in minor units, for spreadsheets.</summary>
    Csv,

    /// <summary>The whole ranking (the same document as <c>--json FILE</c>).</summary>
    Json,

    /// <summary>A GitHub-flavoured Markdown table, for issues and documents.</summary>
    Markdown,
}

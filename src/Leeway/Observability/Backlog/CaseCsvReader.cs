using System.Globalization;
using CsvHelper;

namespace Leeway.Observability.Backlog;

/// <summary>
/// Streams the cases of a Salesforce case export (a report or Data Loader CSV) with CsvHelper: columns found by name in
/// any order (<c>Subject</c>, <c>Description</c>, <c>CaseNumber</c> or <c>Case Number</c>, <c>CreatedDate</c> or
/// <c>Date/Time Opened</c>…), quoted fields with commas, quotes and line breaks, a UTF-8 byte order mark. A row with
/// broken quoting or the wrong number of fields is reported by its line and skipped; the file goes on. One row is in
/// memory at a time.
/// </summary>
internal sealed class CaseCsvReader : IDisposable
{
    /// <summary>Long enough for any customer's message; a pasted mail thread is cut, and classifies on its start.</summary>
    public const int MaxTextLength = 2_000;

    /// <summary>Kept for the report; beyond this only the count grows (memory stays flat on a broken file).</summary>
    public const int MaxProblemsKept = 100;

    private static readonly string[] SubjectNames = ["subject", "title", "casesubject"];
    private static readonly string[] DescriptionNames = ["description", "casedescription", "body", "details", "descriptionplaintext"];
    private static readonly string[] NumberNames = ["casenumber", "case", "caseno", "caseid", "id", "number"];
    private static readonly string[] CreatedNames = ["createddate", "datetimeopened", "dateopened", "created", "createdat", "opened", "opendate"];

    private readonly CsvReader reader;
    private readonly string fileName;
    private readonly List<CsvRowProblem> problems = [];
    private readonly int subject;
    private readonly int description;
    private readonly int number;
    private readonly int created;

    private CaseCsvReader(Stream stream, string fileName)
    {
        this.fileName = fileName;
        reader = CsvReader.Create(stream, new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = bad => Problem(bad.LineNumber, Describe(bad.Reason)),
            // An unclosed quote would otherwise read the rest of a large file as one field.
            MaxRecordSize = 4 * 1024 * 1024,
        }, leaveOpen: false);

        try
        {
            reader.ReadHeader();
        }
        catch (CsvFormatException e)
        {
            reader.Dispose();
            throw new BacklogFileException($"{fileName}: the header row cannot be read ({e.Message}).");
        }

        var headers = reader.Headers.Select(Normalize).ToList();
        subject = Find(headers, SubjectNames);
        description = Find(headers, DescriptionNames);
        number = Find(headers, NumberNames);
        created = Find(headers, CreatedNames);
        if (subject < 0 && description < 0)
        {
            reader.Dispose();
            throw new BacklogFileException(
                $"{fileName}: no Subject or Description column in the header (found: {string.Join(", ", reader.Headers.Take(20))}). Export the cases with at least one of them.");
        }
    }

    /// <summary>Rows skipped, with their lines (the first <see cref="MaxProblemsKept"/>).</summary>
    public IReadOnlyList<CsvRowProblem> Problems => problems;

    public long ProblemCount { get; private set; }

    /// <summary>Bytes of the file read so far, for a progress bar.</summary>
    public long BytesRead => reader.ByteOffset;

    /// <exception cref="BacklogFileException">No such file, or no usable header.</exception>
    public static CaseCsvReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new BacklogFileException($"{path}: no such file.");
        }

        return Open(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), path);
    }

    /// <param name="stream">Read to the end and disposed with this reader.</param>
    public static CaseCsvReader Open(Stream stream, string fileName) => new(stream, fileName);

    /// <summary>The cases, in file order, read as they are enumerated.</summary>
    public IEnumerable<BacklogCase> Cases()
    {
        while (true)
        {
            bool more;
            try
            {
                more = reader.Read();
            }
            catch (CsvFormatException e)
            {
                // Only a record larger than MaxRecordSize gets here (an unclosed quote): nothing after it can be trusted.
                Problem(e.LineNumber, $"unreadable from here to the end of the file ({e.Message})");
                yield break;
            }

            if (!more)
            {
                yield break;
            }

            var text = Text();
            yield return new BacklogCase(reader.LineNumber, number >= 0 ? reader.GetString(number) : null, text, CreatedAt());
        }
    }

    public void Dispose() => reader.Dispose();

    private string Text()
    {
        var s = subject >= 0 ? reader.GetString(subject).Trim() : "";
        var d = description >= 0 ? reader.GetString(description).Trim() : "";
        var text = s.Length == 0 ? d : d.Length == 0 ? s : string.Concat(s, "\n", d);
        return text.Length > MaxTextLength ? text[..MaxTextLength] : text;
    }

    private DateTimeOffset? CreatedAt()
    {
        if (created < 0 || reader.IsEmpty(created))
        {
            return null;
        }

        return DateTimeOffset.TryParse(reader.GetString(created), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
    }

    private void Problem(long line, string message)
    {
        ProblemCount++;
        if (problems.Count < MaxProblemsKept)
        {
            problems.Add(new CsvRowProblem(line, $"{fileName}, line {line}: {message}; the row was skipped."));
        }
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.FieldCountMismatch => "the number of fields differs from the header",
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
        CsvMalformedReason.LineBreakInQuotes => "a line break inside quotes",
        _ => $"malformed ({reason})",
    };

    private static string Normalize(string header) =>
        new(header.Trim().ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    private static int Find(List<string> headers, string[] names)
    {
        foreach (var name in names)
        {
            var index = headers.IndexOf(name);
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }
}

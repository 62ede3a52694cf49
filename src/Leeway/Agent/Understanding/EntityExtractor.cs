using System.Globalization;
using System.Text.RegularExpressions;

namespace Leeway.Agent.Understanding;

/// <summary>
/// Pulls amounts, Stripe object ids, emails, dates and card last-four digits out of a message. Pure: dates
/// without a year, and "yesterday"/"today"/"tomorrow", are resolved only against the <c>today</c> the caller
/// passes (the agent's <see cref="TimeProvider"/>), never a clock read here; without it they are skipped.
/// </summary>
internal static partial class EntityExtractor
{
    [GeneratedRegex(@"\b(?:in|ch|cus|sub|pi|re|cs|dp|pm|py|seti|si|txn|prod|price|evt|ii|il|src|card|ba|po|tr|cn)_[A-Za-z0-9_]*[A-Za-z0-9]", RegexOptions.CultureInvariant)]
    internal static partial Regex ObjectIdPattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    internal static partial Regex EmailPattern();

    [GeneratedRegex(@"(?:ending(?:\s+(?:in|with))?|ends?\s+(?:in|with)|last\s+(?:four|4)(?:\s+digits)?(?:\s+(?:is|are|of))?|(?:\*|x|•|·){2,}\s?|terminad[ao]\s+en|termina\s+en|que\s+termina\s+en|mit\s+(?:der\s+)?endung|endet\s+(?:auf|mit)|endend\s+auf|finissant\s+par|qui\s+(?:se\s+)?finit\s+par|se\s+terminant\s+par|qui\s+se\s+termine\s+par|terminant\s+par)\s*:?\s*(?<digits>\d{4})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Last4Pattern();

    [GeneratedRegex(@"(?<!\d)(?<y>20\d{2})-(?<m>\d{1,2})-(?<d>\d{1,2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(@"(?<![\d.])(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>20\d{2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DottedDatePattern();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th|er|ème|\.|º)?\s+(?:de\s+|of\s+)?(?<mon>\p{L}{3,10})\.?(?:,?\s+(?:de\s+)?(?<y>20\d{2}))?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthPattern();

    [GeneratedRegex(@"\b(?<mon>\p{L}{3,10})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?<y>20\d{2}))?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayPattern();

    [GeneratedRegex(@"\b(?<word>yesterday|today|tomorrow|ayer|hoy|gestern|heute|hier|aujourd'hui|aujourd’hui|demain)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeDayPattern();

    public static Entities Extract(string text, DateOnly? today = null)
    {
        var amounts = MoneyParser.Find(text).Select(m => m.Money).ToList();
        var ids = ObjectIdPattern().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        var emails = EmailPattern().Matches(text).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var last4 = Last4Pattern().Matches(text).Select(m => m.Groups["digits"].Value).Distinct(StringComparer.Ordinal).ToList();
        return new Entities(amounts, ids, emails, FindDates(text, today), last4);
    }

    private static List<DateOnly> FindDates(string text, DateOnly? today)
    {
        var found = new List<(int Index, DateOnly Date)>();
        var taken = new List<(int Start, int End)>();

        void Add(Match match, DateOnly? date)
        {
            if (date is null || taken.Any(t => match.Index < t.End && t.Start < match.Index + match.Length))
            {
                return;
            }

            taken.Add((match.Index, match.Index + match.Length));
            found.Add((match.Index, date.Value));
        }

        foreach (Match m in IsoDatePattern().Matches(text))
        {
            Add(m, Make(Int(m, "y"), Int(m, "m"), Int(m, "d")));
        }

        foreach (Match m in DottedDatePattern().Matches(text))
        {
            Add(m, Make(Int(m, "y"), Int(m, "m"), Int(m, "d")));
        }

        foreach (var pattern in new[] { DayMonthPattern(), MonthDayPattern() })
        {
            foreach (Match m in pattern.Matches(text))
            {
                if (MonthNames.Number(m.Groups["mon"].Value) is not { } month)
                {
                    continue;
                }

                var day = Int(m, "d");
                Add(m, m.Groups["y"].Success ? Make(Int(m, "y"), month, day) : NearestToToday(month, day, today));
            }
        }

        if (today is { } now)
        {
            foreach (Match m in RelativeDayPattern().Matches(text))
            {
                var offset = m.Groups["word"].Value.ToLowerInvariant() switch
                {
                    "yesterday" or "ayer" or "gestern" or "hier" => -1,
                    "tomorrow" or "demain" => 1,
                    _ => 0,
                };
                Add(m, now.AddDays(offset));
            }
        }

        return found.OrderBy(f => f.Index).Select(f => f.Date).Distinct().ToList();
    }

    /// <summary>"December 1st" said in November means this December; said in January, the one just gone.</summary>
    private static DateOnly? NearestToToday(int month, int day, DateOnly? today)
    {
        if (today is not { } now)
        {
            return null;
        }

        return new[] { now.Year - 1, now.Year, now.Year + 1 }
            .Select(y => Make(y, month, day))
            .Where(d => d is not null)
            .Select(d => d!.Value)
            .OrderBy(d => Math.Abs(d.DayNumber - now.DayNumber))
            .Cast<DateOnly?>()
            .FirstOrDefault();
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static DateOnly? Make(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
}

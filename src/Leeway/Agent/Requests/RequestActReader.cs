using System.Text.RegularExpressions;
using Leeway.Agent.Understanding;

namespace Leeway.Agent.Requests;

/// <summary>
/// Reads a message's request act before Lee decides. The structure: the message is cut into sentences (a question
/// mark makes a sentence a question; a condition word makes it hypothetical), sentences into clauses (at commas and
/// conjunctions); each clause that names an action gets a polarity (a negator in the clause, outside the action's own
/// words, makes it negative) and a mood (withdrawn, hypothetical, directive, question or statement, in that order of
/// precedence). A withdrawal clause with no action of its own takes back every action before it.
/// </summary>
internal static partial class RequestActReader
{
    private static readonly Dictionary<ActionKind, Phrase[]> ActionPhrases =
        ActWords.Actions.ToDictionary(p => p.Key, p => p.Value.Select(Phrase.Parse).ToArray());

    private static readonly Phrase[] Keep = Phrases(ActWords.Keep);
    private static readonly Phrase[] Duplicate = Phrases(ActWords.Duplicate);
    private static readonly Phrase[] Directive = Phrases(ActWords.Directive);
    private static readonly Phrase[] WishToKnow = Phrases(ActWords.WishToKnow);
    private static readonly Phrase[] AskToGet = Phrases(ActWords.AskToGet);
    private static readonly Phrase[] Interrogative = Phrases(ActWords.Interrogative);
    private static readonly Phrase[] WhQuestion = Phrases(ActWords.WhQuestion);
    private static readonly Phrase[] AbilityQuestion = Phrases(ActWords.AbilityQuestion);
    private static readonly Phrase[] Conditional = Phrases(ActWords.Conditional);
    private static readonly Phrase[] PoliteConditions = Phrases(ActWords.PoliteConditions);
    private static readonly Phrase[] Withdrawal = Phrases(ActWords.Withdrawal);
    private static readonly Phrase[] Greetings = Phrases(ActWords.Greetings);
    private static readonly Phrase[] Closings = Phrases(ActWords.Closings);
    private static readonly Phrase[] Yes = Phrases(ActWords.Yes);
    private static readonly Phrase[] No = Phrases(ActWords.No);
    private static readonly Phrase[] StatusCheck = Phrases(ActWords.StatusCheck);
    private static readonly Phrase[] ClauseBreaks = Phrases(ActWords.ClauseBreaks);
    private static readonly Phrase[] EmailWords = Phrases(ActWords.EmailWords);
    private static readonly Phrase[] WhichOnFile = Phrases(ActWords.WhichOnFile);
    private static readonly HashSet<string> Negators = new(ActWords.Negators, StringComparer.Ordinal);
    private static readonly HashSet<string> BareStop = new(ActWords.BareStop, StringComparer.Ordinal);
    private static readonly HashSet<string> Openers = new(ActWords.Openers, StringComparer.Ordinal);
    private static readonly HashSet<string> SmallTalk = new(
        ActWords.Greetings.Concat(ActWords.Closings).Concat(ActWords.Yes).Concat(ActWords.Filler).SelectMany(p => p.Split(' ')),
        StringComparer.Ordinal);

    /// <summary>Words that follow a Spanish or Italian "sí" when it means yes, not "if".</summary>
    private static readonly HashSet<string> YesCompanions =
        ["por", "claro", "gracias", "vale", "hazlo", "adelante", "perfecto", "confirmo", "please", "grazie", "certo", "procedi", "va", "ok", "esatto", "correcto", "senor", "senora", "si"];

    public static RequestAct Read(string text, string language)
    {
        var folded = TextFolding.Fold(text ?? "");
        var actions = new List<ActionAct>();
        var withdraws = false;
        var greeting = false;
        var closing = false;
        var status = false;
        var asksEmail = false;
        var content = 0;
        var firstClause = true;
        var confirms = false;
        var declines = false;
        foreach (var sentence in Sentences(folded))
        {
            var tokens = Tokens(sentence.Text);
            if (tokens.Count == 0)
            {
                continue;
            }

            var clauses = Clauses(tokens);
            var hypothetical = IsHypothetical(tokens, language);
            status |= Find(StatusCheck, tokens) >= 0;
            asksEmail |= Find(EmailWords, tokens) >= 0 && Find(WhichOnFile, tokens) >= 0;
            foreach (var clause in clauses)
            {
                greeting |= Find(Greetings, clause) == 0;
                closing |= Find(Closings, clause) >= 0;
                content += clause.Count(t => !SmallTalk.Contains(t) && !t.All(char.IsDigit));
                var withdrawal = Find(Withdrawal, clause) >= 0 || IsBareStop(clause);
                var found = ActionsIn(clause);
                if (firstClause)
                {
                    confirms = Starts(Yes, clause) && !Starts(No, clause);
                    declines = Starts(No, clause) && found.Count == 0 && clause.Count <= 3;
                    firstClause = clause.All(t => SmallTalk.Contains(t)) && !confirms && !declines;
                }

                if (withdrawal && found.Count == 0)
                {
                    // "Cancel it. Actually, never mind": takes back everything asked before it.
                    withdraws = true;
                    for (var i = 0; i < actions.Count; i++)
                    {
                        actions[i] = actions[i] with { Mood = Mood.Withdrawn };
                    }

                    continue;
                }

                if (Find(Keep, clause) >= 0)
                {
                    actions.Add(new ActionAct(ActionKind.Cancel, Polarity.Negative, Mood.Statement, false));
                }

                var duplicate = Find(Duplicate, tokens) >= 0;
                foreach (var (kind, start, end) in found)
                {
                    var negative = clause.Where((t, i) => (i < start || i >= end) && IsNegator(clause, i)).Any();
                    var mood = withdrawal ? Mood.Withdrawn
                        : hypothetical ? Mood.Hypothetical
                        : MoodOf(clause, start, kind, sentence.Question);
                    actions.Add(new ActionAct(kind, negative ? Polarity.Negative : Polarity.Affirmative, mood, duplicate));
                }

                withdraws |= withdrawal;
            }
        }

        return new RequestAct(
            actions,
            Confirms: confirms && !withdraws,
            Declines: declines || (withdraws && actions.Count == 0),
            Withdraws: withdraws,
            Greeting: greeting,
            Closing: closing,
            StatusCheck: status,
            SmallTalkOnly: content == 0 && actions.Count == 0 && !status && !withdraws,
            Language: language)
        {
            AsksEmailOnFile = asksEmail,
        };
    }

    private static bool IsBareStop(List<string> clause)
    {
        var words = clause.Where(t => !Openers.Contains(t) || t is "it" or "that").ToList();
        return words.Count is > 0 and <= 2 && BareStop.Contains(string.Join(' ', words));
    }

    private static bool IsNegator(List<string> clause, int i)
    {
        var token = clause[i];
        if (!Negators.Contains(token) && !token.EndsWith("n't", StringComparison.Ordinal))
        {
            return false;
        }

        // "Can't you just refund it?" and "why don't you…" push for the action; they do not refuse it.
        var next = i + 1 < clause.Count ? clause[i + 1] : "";
        return next is not ("you" or "u");
    }

    private static Mood MoodOf(List<string> clause, int actionAt, ActionKind kind, bool question)
    {
        // "I'd like to know how to cancel", "how would you cancel?", "can I cancel online?": asking about the action.
        if (Find(WishToKnow, clause) >= 0 || (question && Starts(WhQuestion, clause)))
        {
            return Mood.Question;
        }

        var asksToGet = kind is ActionKind.Refund or ActionKind.Credit && Find(AskToGet, clause) >= 0;
        if (question && Starts(AbilityQuestion, clause) && !asksToGet)
        {
            return Mood.Question;
        }

        if (Find(Directive, clause) >= 0 || asksToGet)
        {
            return Mood.Directive;
        }

        // An imperative: the clause opens with the action itself ("Cancel my plan", "Kündigen Sie…", "Annulez…").
        var first = clause.FindIndex(t => !Openers.Contains(t));
        if (first == actionAt && !question)
        {
            return Mood.Directive;
        }

        return question || Starts(Interrogative, clause) ? Mood.Question : Mood.Statement;
    }

    private static bool IsHypothetical(List<string> tokens, string language)
    {
        // Politeness that looks like a condition ("if possible", "si es posible") asks; it does not imagine.
        var remaining = tokens.ToList();
        foreach (var polite in PoliteConditions)
        {
            for (var at = polite.IndexIn(remaining); at >= 0; at = polite.IndexIn(remaining))
            {
                remaining.RemoveRange(at, polite.Length);
            }
        }

        if (Find(Conditional, remaining.Where(t => t != ",").ToList()) >= 0)
        {
            return true;
        }

        for (var i = 0; i + 1 < remaining.Count; i++)
        {
            var next = remaining[i + 1];
            // "si" is "if" in Spanish and French but "yes" in Spanish and Italian; "se" is "if" in Portuguese and Italian.
            if (remaining[i] == "si" && language is "es" or "fr" && next != "," && !YesCompanions.Contains(next))
            {
                return true;
            }

            if (remaining[i] == "se" && language is "pt" or "it" && next != ",")
            {
                return true;
            }
        }

        return false;
    }

    private static List<(ActionKind Kind, int Start, int End)> ActionsIn(List<string> clause)
    {
        var found = new List<(ActionKind, int, int)>();
        foreach (var (kind, phrases) in ActionPhrases)
        {
            foreach (var phrase in phrases)
            {
                var at = phrase.IndexIn(clause);
                if (at >= 0)
                {
                    found.Add((kind, at, at + phrase.Length));
                    break;
                }
            }
        }

        // "Could I get the $29 back?": an amount, or a getting, with "back" is a refund.
        var back = clause.IndexOf("back");
        if (back > 0 && found.All(f => f.Item1 != ActionKind.Refund) && (clause[back - 1].All(char.IsDigit) || clause.Take(back).Contains("get")))
        {
            found.Add((ActionKind.Refund, back - 1, back + 1));
        }

        return found;
    }

    private static bool Starts(Phrase[] phrases, List<string> clause)
    {
        var first = clause.FindIndex(t => t is not ("oh" or "well" or "ok" or "okay" or "hmm" or "um" or "ah"));
        return first >= 0 && phrases.Any(p => p.IndexIn(clause, first) == first);
    }

    /// <summary>Where the first of these phrases starts in the tokens, or -1.</summary>
    private static int Find(Phrase[] phrases, List<string> tokens)
    {
        var best = -1;
        foreach (var phrase in phrases)
        {
            var at = phrase.IndexIn(tokens);
            if (at >= 0 && (best < 0 || at < best))
            {
                best = at;
            }
        }

        return best;
    }

    private static List<List<string>> Clauses(List<string> tokens)
    {
        var clauses = new List<List<string>> { new() };
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] == ",")
            {
                clauses.Add([]);
                continue;
            }

            var brk = ClauseBreaks.FirstOrDefault(p => p.IndexIn(tokens, i) == i);
            if (brk is not null && clauses[^1].Count > 0)
            {
                clauses.Add([]);
                i += brk.Length - 1;
                continue;
            }

            clauses[^1].Add(tokens[i]);
        }

        return clauses.Where(c => c.Count > 0).ToList();
    }

    private static IEnumerable<(string Text, bool Question)> Sentences(string folded)
    {
        foreach (Match m in SentencePattern().Matches(folded))
        {
            var text = m.Groups["text"].Value;
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return (text, m.Groups["end"].Value.Contains('?') || text.TrimStart().StartsWith('¿'));
            }
        }
    }

    [GeneratedRegex(@"(?<text>(?:[^.!?;\n]|\.(?=\d))+)(?<end>[.!?;\n]*)")]
    private static partial Regex SentencePattern();

    /// <summary>Words, with English contractions kept whole ("don't", "i'd") and French elisions cut ("n'annulez" → n, annulez); commas kept.</summary>
    internal static List<string> Tokens(string folded) =>
        TokenPattern().Matches(folded).Select(m => m.Value).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:'(?:t|s|re|ve|ll|d|m)\b)?|,")]
    private static partial Regex TokenPattern();

    private static Phrase[] Phrases(IEnumerable<string> texts) => texts.Select(Phrase.Parse).ToArray();

    /// <summary>A sequence of words; a word ending in <c>*</c> matches any word it starts.</summary>
    private sealed record Phrase(string Text, string[] Words)
    {
        public int Length => Words.Length;

        public static Phrase Parse(string text)
        {
            // Words as the tokenizer cuts them (English contractions whole, French elisions cut).
            var words = Tokens(TextFolding.Fold(text)).Where(w => w != ",").ToArray();
            var stems = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length && i < stems.Length; i++)
            {
                if (stems[i].EndsWith('*'))
                {
                    words[i] += "*";
                }
            }

            return new Phrase(string.Join(' ', words), words);
        }

        public int IndexIn(List<string> tokens, int from = 0)
        {
            for (var i = from; i + Words.Length <= tokens.Count; i++)
            {
                var all = true;
                for (var j = 0; j < Words.Length && all; j++)
                {
                    var w = Words[j];
                    all = w.EndsWith('*') ? tokens[i + j].StartsWith(w[..^1], StringComparison.Ordinal) : tokens[i + j] == w;
                }

                if (all)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}

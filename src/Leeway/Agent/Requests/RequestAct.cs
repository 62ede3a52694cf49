using System.Diagnostics.CodeAnalysis;

namespace Leeway.Agent.Requests;

/// <summary>The actions Lee may take only when the customer asks for them: each is irreversible or moves money.</summary>
[SuppressMessage("Maintainability", "CA1515", Justification = "Public for Leeway.Tests: an xUnit theory takes it as a parameter, and xUnit runs public methods only.")]
public enum ActionKind
{
    Cancel,
    Refund,
    Retry,
    Credit,
}

/// <summary>Whether the clause that names the action says to do it or not to.</summary>
internal enum Polarity
{
    Affirmative,
    Negative,
}

/// <summary>
/// How the clause that names the action is meant: only <see cref="Directive"/> asks for it. A statement ("I cancelled
/// last month") or a question ("how would I cancel?") is about the action; a hypothetical ("if I stopped, would I…")
/// imagines it; a withdrawal ("never mind") takes it back.
/// </summary>
internal enum Mood
{
    Directive,
    Statement,
    Question,
    Hypothetical,
    Withdrawn,
}

/// <summary>One action a message speaks of, with its polarity, mood and what it points at.</summary>
/// <param name="Duplicate">The customer points at the extra one of a double charge ("the extra one", "one of them").</param>
internal sealed record ActionAct(ActionKind Kind, Polarity Polarity, Mood Mood, bool Duplicate)
{
    /// <summary>An explicit, affirmative request for the action: the only thing that lets Lee do it unasked.</summary>
    public bool IsRequest => Polarity == Polarity.Affirmative && Mood == Mood.Directive;

    /// <summary>
    /// Affirmative but not a request (a statement or a question about the action): the customer may want it, so Lee
    /// may offer it once, naming what and the consequence, and act on a yes.
    /// </summary>
    public bool IsOpen => Polarity == Polarity.Affirmative && Mood is Mood.Statement or Mood.Question;
}

/// <summary>
/// What a message asks Lee to do, read before Lee decides: the actions it speaks of (each with polarity and mood),
/// and what else it is: a yes or a no to an offer, a withdrawal, a greeting, a closing, a question whether all is well.
/// The decide step (and the tools, for any brain) may take a money-moving or cancelling action only on a
/// <see cref="ActionAct.IsRequest"/> of that kind, or on a yes to Lee's own offer of that action on that object.
/// </summary>
internal sealed record RequestAct(
    IReadOnlyList<ActionAct> Actions,
    bool Confirms,
    bool Declines,
    bool Withdraws,
    bool Greeting,
    bool Closing,
    bool StatusCheck,
    bool SmallTalkOnly,
    string Language)
{
    /// <summary>The message asks which email address is on the customer's account ("what email do you have for me?").</summary>
    public bool AsksEmailOnFile { get; init; }

    /// <summary>A message with nothing in it that asks for anything: permits no action.</summary>
    public static readonly RequestAct None = new([], false, false, false, false, false, false, false, "en");

    /// <summary>The explicit, affirmative request for this kind of action, if the message makes one.</summary>
    public ActionAct? Request(ActionKind kind) => Actions.FirstOrDefault(a => a.Kind == kind && a.IsRequest);

    public bool Requests(ActionKind kind) => Request(kind) is not null;

    public IEnumerable<ActionAct> Requests() => Actions.Where(a => a.IsRequest);

    /// <summary>The action is spoken of and must not be taken: negated, withdrawn, imagined.</summary>
    public bool Refuses(ActionKind kind) =>
        Actions.Any(a => a.Kind == kind && (a.Polarity == Polarity.Negative || a.Mood is Mood.Withdrawn or Mood.Hypothetical));

    /// <summary>Spoken of affirmatively but not asked for: Lee may offer it once.</summary>
    public bool Opens(ActionKind kind) => !Requests(kind) && !Refuses(kind) && Actions.Any(a => a.Kind == kind && a.IsOpen);

    /// <summary>Whether the message says not to act, or takes back what came before (a no, a withdrawal, a negated action).</summary>
    public bool HoldsBack => Withdraws || Declines || Actions.Any(a => a.Polarity == Polarity.Negative || a.Mood == Mood.Withdrawn);
}

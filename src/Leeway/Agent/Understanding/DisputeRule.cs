using System.Text.RegularExpressions;

namespace Leeway.Agent.Understanding;

/// <summary>
/// A chargeback, or a dispute the customer says they raised with their bank, is a dispute whatever else the
/// message asks (humans only, by policy). A threat ("or I'll do a chargeback") is not yet one: the model decides.
/// </summary>
internal static partial class DisputeRule
{
    public static bool Matches(string folded) => DisputePattern().IsMatch(folded) && !ThreatPattern().IsMatch(folded);

    [GeneratedRegex("""
        \bcharge\s*-?\s*backs?\b|\bcontracargos?\b|\bruckbuchung\b|\bretrofacturation\b
        |\b(disputed|disputing|opened\s+a\s+dispute|filed\s+a\s+dispute|raised\s+a\s+dispute|open\s+dispute|contested|reclamacion|disputa|widerspruch|angefochten|reklamiert|conteste|contestation|opposition)\b.{0,60}\b(bank|banco|banque|issuer|card\s+company|amex|visa|mastercard)\b
        |\b(bank|banco|banque|issuer|card\s+company|amex)\b.{0,60}\b(disputed|disputing|dispute|contested|reversed|reclamacion|disputa|widerspruch|angefochten|reklamiert|conteste|contestation|opposition)\b
        |\b(told|informed|called|asked|reported\s+to)\s+(my|the|our)\s+(bank|card\s+issuer|card\s+company)\s+(that\s+)?(i|we)\s+(didn'?t|did\s+not|don'?t|do\s+not)\s+(recogni[sz]e|authori[sz]e|know|make)
        |\ble\s+dije\s+al\s+banco\s+que\s+no\b|\bder\s+bank\s+gesagt\b|\ba\s+ma\s+banque\s+que\s+je\s+ne\b
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex DisputePattern();

    [GeneratedRegex(@"\b(i'?ll|i\s+will|i'?m\s+going\s+to|gonna|otherwise|or\s+else|unless|if\s+you\s+(don'?t|do\s+not|won'?t))\b.{0,60}\b(charge\s*-?\s*back|dispute)")]
    private static partial Regex ThreatPattern();
}

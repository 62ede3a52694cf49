using System.Globalization;
using System.Text;

namespace Leeway.Agent.Understanding;

/// <summary>Lower case without accents ("Décembre" → "decembre", "März" → "marz"), so rules match however people type.</summary>
internal static class TextFolding
{
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Replace('’', '\'').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                if (c == 'ß')
                {
                    builder.Append("ss");
                }
                else
                {
                    builder.Append(c);
                }
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}

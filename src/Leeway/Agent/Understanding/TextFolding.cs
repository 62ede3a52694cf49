using System.Text;

namespace Leeway.Agent.Understanding;

/// <summary>
/// Lower case without accents ("Décembre" → "decembre", "März" → "marz"), so rules match however people type.
/// A table, not Unicode decomposition: the product runs with invariant globalization, where
/// <see cref="string.Normalize()"/> leaves non-ASCII text as it is.
/// </summary>
internal static class TextFolding
{
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            var folded = lower switch
            {
                'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => "a",
                'ç' => "c",
                'è' or 'é' or 'ê' or 'ë' => "e",
                'ì' or 'í' or 'î' or 'ï' => "i",
                'ñ' => "n",
                'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' => "o",
                'ù' or 'ú' or 'û' or 'ü' => "u",
                'ý' or 'ÿ' => "y",
                'œ' => "oe",
                'æ' => "ae",
                'ß' => "ss",
                '’' or '‘' or '´' or '`' => "'",
                _ => null,
            };
            if (folded is null)
            {
                builder.Append(lower);
            }
            else
            {
                builder.Append(folded);
            }
        }

        return builder.ToString();
    }
}

namespace Leeway.Agent.Understanding;

/// <summary>Month names and their common abbreviations in English, Spanish, German and French.</summary>
internal static class MonthNames
{
    private static readonly Dictionary<string, int> ByName = Build();

    public static int? Number(string word)
    {
        var key = TextFolding.Fold(word).TrimEnd('.');
        return ByName.TryGetValue(key, out var month) ? month : null;
    }

    private static Dictionary<string, int> Build()
    {
        string[][] names =
        [
            ["january", "jan", "enero", "ene", "januar", "janvier", "janv", "jaenner"],
            ["february", "feb", "febrero", "februar", "fevrier", "fevr", "fev"],
            ["march", "mar", "marzo", "maerz", "marz", "mars"],
            ["april", "apr", "abril", "abr", "avril", "avr"],
            ["may", "mayo", "mai"],
            ["june", "jun", "junio", "juni", "juin"],
            ["july", "jul", "julio", "juli", "juillet", "juil"],
            ["august", "aug", "agosto", "aout"],
            ["september", "sep", "sept", "septiembre", "setiembre", "septembre"],
            ["october", "oct", "octubre", "oktober", "okt", "octobre"],
            ["november", "nov", "noviembre", "novembre"],
            ["december", "dec", "diciembre", "dic", "dezember", "dez", "decembre"],
        ];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
            {
                map[name] = i + 1;
            }
        }

        return map;
    }
}

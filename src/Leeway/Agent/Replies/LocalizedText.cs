using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Leeway.Agent.Replies;

/// <summary>
/// One resource lookup in a given culture, for every customer-facing word set (Lee's replies, nudges, the meter).
/// The localizer reads the current UI culture, so it is set for this one lookup only; a missing key is a bug in the
/// resources, never English shown to a customer in another language.
/// </summary>
internal static class LocalizedText
{
    public static string Read(IStringLocalizer localizer, string resources, CultureInfo culture, string key, object?[] args)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var found = localizer[key];
            if (found.ResourceNotFound)
            {
                throw new InvalidOperationException($"{resources}.resx has no string '{key}'.");
            }

            return args.Length == 0 ? found.Value : string.Format(culture, found.Value, args);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

using System.Xml.Linq;
using Dapper;
using Leeway.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Leeway.Identity;

/// <summary>
/// The data-protection key ring in the product database (<see cref="IdentitySchema"/>), not in one machine's profile
/// folder: a page served by one host and posted to another carries an antiforgery token both can check. Keys are
/// added, never changed (ASP.NET Core revokes by adding an element), so an insert that finds the name taken does nothing.
/// The interface is synchronous; it is called when the key ring is (re)loaded, about once a day, not per request.
/// </summary>
internal sealed class DatabaseKeyRing(Database database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        return connection.Query<string>("SELECT xml FROM dataprotection_keys ORDER BY name").Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        connection.Execute(
            "INSERT INTO dataprotection_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO NOTHING",
            new { name = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}

using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Leeway.Tests.Prevent;

/// <summary>A temporary folder a test owns (its SQLite file, its mail pickup folder), deleted afterwards.</summary>
internal sealed class TestFolder : IDisposable
{
    public TestFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "leeway-tests", "prevent-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

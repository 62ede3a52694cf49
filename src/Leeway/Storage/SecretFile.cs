namespace Leeway.Storage;

/// <summary>
/// A secret generated once and kept in a file of the data folder (so tokens and signatures survive a restart), readable
/// and writable by the owner only (0600). A file found with wider permissions is narrowed when it is read.
/// </summary>
internal static class SecretFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string ReadOrCreate(string path, Func<string> generate)
    {
        if (File.Exists(path))
        {
            Narrow(path);
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var secret = generate();
        try
        {
            // Created with its final mode: there is no moment at which another user could open it.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(secret);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another host on the same folder created it first: use theirs.
            return File.ReadAllText(path).Trim();
        }

        return secret;
    }

    private static void Narrow(string path)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }
}

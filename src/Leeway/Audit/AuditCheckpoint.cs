using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Leeway.Storage;

namespace Leeway.Audit;

/// <summary>
/// The log's head as this host last wrote it (<c>seq</c> and hash), HMAC-signed with a key the database does not hold,
/// in a file apart from the database. The hash chain proves each entry vouches for the one before; the checkpoint
/// vouches for the newest, so <see cref="AuditVerifier"/> also finds a wiped log, newest entries cut off, and a chain
/// rewritten with recomputed hashes. It cannot tell anything that happened after the last checkpoint, nor resist
/// someone who holds the key file too.
/// </summary>
internal sealed class AuditCheckpoint
{
    private const string Version = "lwyckpt1";
    private readonly string _path;
    private readonly byte[] _key;

    public AuditCheckpoint(string path, string keyPath)
    {
        _path = path;
        _key = Convert.FromHexString(SecretFile.ReadOrCreate(keyPath, () => Convert.ToHexString(RandomNumberGenerator.GetBytes(32))));
    }

    public string Path => _path;

    /// <summary>The checkpoint in the default place: beside the database in the data folder.</summary>
    public static AuditCheckpoint InDataFolder(string dataDirectory, AuditOptions? options = null) => new(
        options?.CheckpointPath is { Length: > 0 } path ? path : System.IO.Path.Combine(dataDirectory, "audit.checkpoint"),
        options?.CheckpointKeyPath is { Length: > 0 } key ? key : System.IO.Path.Combine(dataDirectory, "audit-checkpoint.key"));

    /// <summary>Records <paramref name="seq"/>/<paramref name="hash"/> as the head (atomically: a reader sees the old file or the new one).</summary>
    public void Write(long seq, string hash)
    {
        var text = $"{Version} {seq.ToString(CultureInfo.InvariantCulture)} {hash} {Sign(seq, hash)}\n";
        var temporary = $"{_path}.{Environment.ProcessId}.tmp";
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(_path))!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, Encoding.ASCII, options))
        {
            writer.Write(text);
        }

        File.Move(temporary, _path, overwrite: true);
    }

    /// <summary>The signed head, or why there is none to trust.</summary>
    public CheckpointRead Read()
    {
        if (!File.Exists(_path))
        {
            return new CheckpointRead(null, null, $"no checkpoint at {_path}");
        }

        var parts = File.ReadAllText(_path).Trim().Split(' ');
        if (parts.Length != 4 || parts[0] != Version || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return new CheckpointRead(null, null, $"the checkpoint at {_path} is not in the checkpoint format");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(seq, parts[2])), Encoding.ASCII.GetBytes(parts[3])))
        {
            return new CheckpointRead(null, null, $"the checkpoint at {_path} is not signed by the checkpoint key (forged, or the key was replaced)");
        }

        return new CheckpointRead(seq, parts[2], null);
    }

    private string Sign(long seq, string hash) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{Version}:{seq.ToString(CultureInfo.InvariantCulture)}:{hash}")));
}

/// <summary>A checkpoint as read: the head it vouches for, or <see cref="Problem"/> when it is missing or not to be trusted.</summary>
internal sealed record CheckpointRead(long? Seq, string? Hash, string? Problem);

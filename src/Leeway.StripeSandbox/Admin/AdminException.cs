namespace Leeway.StripeSandbox.Admin;

/// <summary>A bad admin request: answered <c>{"error": message}</c> with <see cref="Status"/>; the message names the JSON path and value.</summary>
internal sealed class AdminException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static AdminException BadRequest(string message) => new(400, message);
}

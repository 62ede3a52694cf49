namespace Leeway.Cli;

/// <summary>
/// A mistake in what the user passed (a folder, a file, a port, a connection string, a value): the command stops
/// before it changes anything, and <see cref="LeewayCommandLine"/> prints the message as one line on standard error
/// and exits 2. The message names the option and the value and says how to fix it.
/// </summary>
internal sealed class BadInputException(string message) : Exception(message);

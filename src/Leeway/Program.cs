using System.Globalization;
using Leeway.Cli;

// Logs, CLI output, files and wire formats are culture-free whatever the machine's locale; only Lee's replies are
// formatted for the customer's culture, which they name explicitly (Agent/Replies/ReplyCulture.cs).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

return await LeewayCommandLine.InvokeAsync(args);

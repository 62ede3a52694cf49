using Leeway.Cli;

return await LeewayCommandLine.InvokeAsync(args);

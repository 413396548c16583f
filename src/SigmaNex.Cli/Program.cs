using SigmaNex.Cli;
using SigmaNex.Core.Configuration;

return await CliApp.RunAsync(args, CliIO.FromConsole(), SigmaEnvironment.FromProcess()).ConfigureAwait(false);

using SigmaNex.Server;

var app = SigmaNexHost.Build(args, SigmaNex.Core.Configuration.SigmaEnvironment.FromProcess());
await app.RunAsync().ConfigureAwait(false);

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;

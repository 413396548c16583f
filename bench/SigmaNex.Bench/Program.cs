using SigmaNex.Bench;

return await BenchApp.RunAsync(args).ConfigureAwait(false);

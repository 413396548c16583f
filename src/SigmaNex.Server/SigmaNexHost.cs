using SigmaNex.Core;
using SigmaNex.Core.Configuration;
using SigmaNex.Server.Api;

namespace SigmaNex.Server;

/// <summary>The server's table of contents: configuration, engine, error handling, endpoints.</summary>
public static class SigmaNexHost
{
    public static WebApplication Build(string[] args, SigmaEnvironment environment, string? configFile = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Host settings (command line --sigma:home=..., or a test host) can stand in for the environment.
        var vars = new Dictionary<string, string>(environment.Variables, StringComparer.Ordinal);
        if (builder.Configuration["sigma:home"] is { } home)
        {
            vars[SigmaPaths.HomeVariable] = home;
        }

        if (builder.Configuration["sigma:root"] is { } root)
        {
            vars[SigmaPaths.RootVariable] = root;
        }

        environment = environment with { Variables = vars };
        var config = ConfigLoader.Load(environment, configFile ?? builder.Configuration["sigma:config"]);
        builder.Services.AddSigmaNex(config);
        builder.Services.AddProblemDetails();
        builder.Services.AddHostedService<KnowledgeWarmup>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, SigmaNex.Core.Contracts.ContractsJson.Default);
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
        });
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SigmaErrorMiddleware>();
        app.MapHealthEndpoints();
        app.MapAskEndpoints();
        return app;
    }
}

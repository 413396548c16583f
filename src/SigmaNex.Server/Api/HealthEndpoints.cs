using SigmaNex.Core.Storage;

namespace SigmaNex.Server.Api;

internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health");
        health.MapGet("/live", () => TypedResults.Ok(new HealthStatus("ok")));
        health.MapGet("/ready", (KnowledgeStore store) =>
        {
            var stats = store.GetStats();
            return stats.Documents > 0
                ? Results.Ok(new HealthStatus("ready"))
                : Results.Problem(detail: "the knowledge base is empty", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
    }
}

internal sealed record HealthStatus(string Status);

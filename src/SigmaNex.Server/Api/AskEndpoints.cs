using SigmaNex.Core;
using SigmaNex.Core.Contracts;
using SigmaNex.Core.Pipeline;
using SigmaNex.Core.Retrieval;

namespace SigmaNex.Server.Api;

internal static class AskEndpoints
{
    public static void MapAskEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/ask", async (AskBody? body, Runner runner, CancellationToken ct) =>
        {
            if (body is null)
            {
                throw SigmaException.Input("the request body must be JSON: {\"question\": \"...\"}");
            }

            var result = await runner.AskAsync(
                new AskRequest
                {
                    Question = body.Question ?? string.Empty,
                    Language = body.Language,
                    TopK = body.TopK,
                    Backend = body.Backend,
                    ConversationId = body.ConversationId,
                },
                ct).ConfigureAwait(false);
            return TypedResults.Ok(ContractMapper.ToResponse(result));
        });
        api.MapGet("/search", async (string? q, int? top, Retriever retriever, Runner runner, CancellationToken ct) =>
        {
            var query = SigmaNex.Core.Security.QueryValidator.Validate(q, 4000, "query");
            if (top is < 1 or > 50)
            {
                throw SigmaException.Input("top must be between 1 and 50");
            }

            var language = runner.ResolveLanguage(null, query);
            var result = await retriever.SearchAsync(
                new SearchRequest { Query = query, TopK = top ?? 5, Languages = new[] { language, "en", "it" }.Distinct().ToList() },
                ct).ConfigureAwait(false);
            return TypedResults.Ok(ContractMapper.ToResponse(result));
        });
    }
}

internal sealed record AskBody(string? Question, string? Language, int? TopK, string? Backend, string? ConversationId);

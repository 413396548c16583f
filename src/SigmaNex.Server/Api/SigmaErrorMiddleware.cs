using SigmaNex.Core;

namespace SigmaNex.Server.Api;

/// <summary>Expected failures become RFC 7807 problem details with the right status; never a stack trace.</summary>
internal sealed class SigmaErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (SigmaException ex) when (!context.Response.HasStarted)
        {
            var status = ex.Kind switch
            {
                SigmaErrorKind.InvalidInput or SigmaErrorKind.Refused => StatusCodes.Status400BadRequest,
                SigmaErrorKind.NotFound => StatusCodes.Status404NotFound,
                SigmaErrorKind.Backend => StatusCodes.Status502BadGateway,
                _ => StatusCodes.Status503ServiceUnavailable,
            };
            await Results.Problem(detail: ex.Message, statusCode: status, title: ex.Kind.ToString()).ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await Results.Problem(detail: ex.Message, statusCode: ex.StatusCode, title: "Bad request").ExecuteAsync(context).ConfigureAwait(false);
        }
    }
}

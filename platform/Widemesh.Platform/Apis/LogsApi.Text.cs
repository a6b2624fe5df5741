using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Apis;

/// <summary>
/// The text/plain form of <c>POST /v1/environments/{name}/logs</c>: the raw output of one instance, cut into lines
/// at <c>\n</c>, with the source in the query (<c>?stack=web&amp;instance=web-1&amp;stream=stdout&amp;rack=r1</c>). No
/// JSON to write or parse: a rack agent forwards an instance's pipe as it is.
/// </summary>
internal static partial class LogsApi
{
    private static bool IsPlainText(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType) && mediaType.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);

    private static async Task<Results<Ok<LogIngestResponse>, ProblemHttpResult>> IngestTextAsync(
        string name, TextSourceQuery query, IngestWriter writer, HttpContext context, LogIngestor ingestor, LogStore store, CancellationToken cancellationToken)
    {
        if (!LogIngestParser.TryCheckSource(
            null, Given(query.Stack), Given(query.Service), Given(query.Instance), Given(query.Stream), Given(query.Rack), writer.TokenRack, writer.Racks, out var source, out var stream, out var problem))
        {
            return Problems.Validation(problem.Field, problem.Message);
        }

        var (body, bodyProblem) = await ReadBodyAsync(context, store.Options.MaxIngestBodyBytes, cancellationToken);
        if (body is null)
        {
            return bodyProblem!;
        }

        using (body)
        {
            if (body.Bytes.IsEmpty)
            {
                return Problems.Validation("body", "The body is empty: send the instance's output, lines ending in '\\n' (the last one may lack it).");
            }

            // The store cuts the lines in the pooled buffer itself, and gives it back once they are written.
            var pooled = body.Detach(out var length);
            var result = await ingestor.TryIngestOutputAsync(writer.EnvironmentId, source, stream, pooled, length, cancellationToken);
            return result is null
                ? Busy(context, name)
                : TypedResults.Ok(new LogIngestResponse((int)result.Count, result.Count, result.FirstSequence, result.LastSequence));
        }
    }

    private static string? Given(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>
    /// Gives the text/plain form its own schema in the OpenAPI document (raw bytes, not the entries' JSON), and says
    /// that the query parameters name the source of such a body only.
    /// </summary>
    private static Task DescribeTextBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is "stack" or "service" or "instance" or "stream" or "rack")
            {
                parameter.Description = $"text/plain bodies only (JSON entries carry their own): the {parameter.Name} the lines come from.";
            }
        }

        if (operation.RequestBody?.Content is { } content && content.ContainsKey("text/plain"))
        {
            content["text/plain"] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "Raw output of one instance, one line per '\\n'; name the source with the stack or service, instance, stream and rack query parameters.",
                },
            };
        }

        return Task.CompletedTask;
    }

    /// <summary>The query parameters that name the source of a text/plain body.</summary>
    private sealed record TextSourceQuery(string? Stack, string? Service, string? Instance, string? Stream, string? Rack);
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Apis;

/// <summary>
/// Reads request bodies with a size limit and turns every way they can be wrong (too large, not
/// JSON, wrong types) into a 4xx problem. Missing fields are left null for the handlers to
/// report by name, and unknown fields are ignored.
/// </summary>
internal static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Lenient = new(WidemeshJsonContext.Default.Options)
    {
        TypeInfoResolver = WidemeshJsonContext.Default.WithAddedModifier(static type =>
        {
            foreach (var property in type.Properties)
            {
                property.IsRequired = false;
            }
        }),
    };

    public static async Task<JsonBodyResult<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return new(null, Problems.PayloadTooLarge(MaxBytes));
        }

        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBytes)
                {
                    return new(null, Problems.PayloadTooLarge(MaxBytes));
                }
            }

            bytes = buffer.ToArray();
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, Problems.PayloadTooLarge(MaxBytes));
        }
        catch (BadHttpRequestException exception)
        {
            return new(null, Problems.MalformedBody($"The request body could not be read: {exception.Message}", null));
        }

        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return new(null, Problems.MalformedBody($"The request body is empty: send a JSON object ({typeof(T).Name}, see /openapi/v1.json).", null));
        }

        try
        {
            var value = JsonSerializer.Deserialize(bytes, (JsonTypeInfo<T>)Lenient.GetTypeInfo(typeof(T)));
            return value is null
                ? new(null, Problems.MalformedBody($"The request body is JSON null: send a JSON object ({typeof(T).Name}, see /openapi/v1.json).", null))
                : new(value, null);
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
            var where = field is null ? string.Empty : $" at '{field}'";
            var position = exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})" : string.Empty;
            var reason = exception.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd();
            return new(null, Problems.MalformedBody(
                $"The request body is not a valid {typeof(T).Name}{where}{position}: {reason} Fix the JSON; the schema is in /openapi/v1.json.",
                field));
        }
    }
}

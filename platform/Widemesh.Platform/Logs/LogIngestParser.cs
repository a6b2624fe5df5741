using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Widemesh.Sdk.Naming;

namespace Widemesh.Platform.Logs;

/// <summary>
/// Reads an ingest body: a JSON array of entries or NDJSON (one entry per line), with a <see cref="Utf8JsonReader"/>
/// so messages go from the body to the store as UTF-8. Fields are named <c>entries[i].field</c>, i counted from 0 in
/// the order sent. The entry shape is <see cref="LogEntryInput"/>; unknown fields are ignored.
/// </summary>
internal static class LogIngestParser
{
    public const int MaxInstanceLength = 128;

    private const string MalformedAdvice = "Send a JSON array of log entries or NDJSON (one entry per line); messages must be valid JSON strings, and raw bytes go in 'messageBase64'.";

    /// <summary>
    /// Parses the first <paramref name="length"/> bytes of <paramref name="pooledBody"/>, an array from
    /// <see cref="ArrayPool{T}.Shared"/> that the parse takes over: messages without escapes stay where they are in it,
    /// and it goes back to the pool with the batch (or at once, when the body has a problem).
    /// </summary>
    public static LogIngestParseResult Parse(byte[] pooledBody, int length, string? tokenRack, IReadOnlyList<string> racks)
    {
        var batch = LogPendingBatch.OwningBody(pooledBody, length);
        var (count, problem) = ParseInto(batch, pooledBody.AsSpan(0, length), tokenRack, racks);
        if (problem is not null)
        {
            batch.Release();
            return problem;
        }

        return new LogIngestParseResult(batch, count, null, null, false);
    }

    private static (int Count, LogIngestParseResult? Problem) ParseInto(LogPendingBatch batch, ReadOnlySpan<byte> body, string? tokenRack, IReadOnlyList<string> racks)
    {
        var fields = new LogEntryFields();
        var count = 0;
        var offset = body.Length - body.TrimStart(" \t\r\n"u8).Length;
        try
        {
            if (offset < body.Length && body[offset] == (byte)'[')
            {
                var reader = new Utf8JsonReader(body);
                reader.Read();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (ReadEntry(ref reader, body, 0, fields, batch, count++, tokenRack, racks) is { } problem)
                    {
                        return (0, problem);
                    }
                }

                if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
                {
                    return (0, LogIngestParseResult.Problem(null, $"The JSON array is not closed or is followed by more text. {MalformedAdvice}", malformed: true));
                }
            }
            else
            {
                var line = 0;
                foreach (var range in body.Split((byte)'\n'))
                {
                    line++;
                    var text = body[range];
                    if (text.Trim(" \t\r"u8).IsEmpty)
                    {
                        continue;
                    }

                    var reader = new Utf8JsonReader(text);
                    reader.Read();
                    if (ReadEntry(ref reader, body, range.Start.GetOffset(body.Length), fields, batch, count++, tokenRack, racks) is { } problem)
                    {
                        return (0, problem);
                    }

                    if (reader.Read())
                    {
                        return (0, LogIngestParseResult.Problem(null, $"Line {line} holds more than one JSON value. {MalformedAdvice}", malformed: true));
                    }
                }
            }
        }
        catch (JsonException exception)
        {
            return (0, LogIngestParseResult.Problem(null, $"The body is not valid JSON: {exception.Message} {MalformedAdvice}", malformed: true));
        }

        return count == 0
            ? (0, LogIngestParseResult.Problem("entries", "The body holds no log entries: send a JSON array or NDJSON with at least one entry.", malformed: false))
            : (count, null);
    }

    /// <summary>Reads the object the reader is on (offsets are relative to <paramref name="body"/> via <paramref name="baseOffset"/>) and adds its lines to the batch.</summary>
    private static LogIngestParseResult? ReadEntry(
        ref Utf8JsonReader reader, ReadOnlySpan<byte> body, int baseOffset, LogEntryFields fields, LogPendingBatch batch, int index, string? tokenRack, IReadOnlyList<string> racks)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return Rule(At(index), $"{At(index)} is not an object: every entry is an object with stack or service, instance and message.");
        }

        fields.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = FieldOf(ref reader);
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (name == "time" && reader.TokenType == JsonTokenType.String)
            {
                if (!reader.TryGetDateTimeOffset(out var time))
                {
                    return Rule($"{At(index)}.time", $"{At(index)}.time is not an RFC 3339 time: use a form such as 2026-01-02T15:04:05.123Z, or leave it out.");
                }

                fields.Time = time;
            }
            else if (name == "message" && reader.TokenType == JsonTokenType.String)
            {
                fields.HasMessage = true;
                if (reader.ValueIsEscaped || reader.HasValueSequence)
                {
                    var copy = fields.Scratch(reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length);
                    try
                    {
                        fields.MessageCopy = copy.AsMemory(0, reader.CopyString(copy));
                    }
                    catch (InvalidOperationException) when (!reader.HasValueSequence)
                    {
                        // An unpaired surrogate escape (\ud800): valid JSON the reader will not unescape.
                        fields.MessageCopy = copy.AsMemory(0, LogJsonUnescape.Unescape(reader.ValueSpan, copy));
                    }
                }
                else
                {
                    fields.MessageStart = baseOffset + (int)reader.TokenStartIndex + 1;
                    fields.MessageLength = reader.ValueSpan.Length;
                }
            }
            else if (name is not null)
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    fields.WrongType ??= ($"{At(index)}.{name}", "a string");
                    reader.Skip();
                    continue;
                }

                var value = reader.ValueIsEscaped || reader.HasValueSequence ? reader.GetString() : fields.Names.Get(reader.ValueSpan);
                switch (name)
                {
                    case "rack": fields.Rack = value; break;
                    case "stack": fields.Stack = value; break;
                    case "service": fields.Service = value; break;
                    case "instance": fields.Instance = value; break;
                    case "stream": fields.Stream = value; break;
                    default: fields.MessageBase64 = value; break;
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (fields.WrongType is var (field, expected))
        {
            return Rule(field, $"{field} must be {expected}.");
        }

        return Check(fields, body, index, tokenRack, racks, batch);
    }

    /// <summary>The known field the reader's property name is (compared as UTF-8, no string per property), or null.</summary>
    private static string? FieldOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("message"u8) ? "message"
        : reader.ValueTextEquals("instance"u8) ? "instance"
        : reader.ValueTextEquals("stack"u8) ? "stack"
        : reader.ValueTextEquals("rack"u8) ? "rack"
        : reader.ValueTextEquals("service"u8) ? "service"
        : reader.ValueTextEquals("stream"u8) ? "stream"
        : reader.ValueTextEquals("time"u8) ? "time"
        : reader.ValueTextEquals("messageBase64"u8) ? "messageBase64"
        : null;

    private static string At(int index) => $"entries[{index}]";

    private static LogIngestParseResult? Check(LogEntryFields input, ReadOnlySpan<byte> body, int index, string? tokenRack, IReadOnlyList<string> racks, LogPendingBatch batch)
    {
        if (input.LastSource is { } last && input.HasMessage && input.MessageBase64 is null
            && (input.Stack is null ? last.Kind == LogSourceKind.Service && (object?)input.Service == last.Source : last.Kind == LogSourceKind.Stack && (object?)input.Stack == last.Source && input.Service is null)
            && (object?)input.Instance == last.Instance
            && ((object?)input.Rack == last.Rack || (input.Rack is null && tokenRack is not null && (object)tokenRack == last.Rack))
            && input.Stream is null or "stdout" or "stderr")
        {
            // Same names as the entry before (the cache hands out the same strings): already checked.
            var message = input.MessageCopy is { } copy ? copy.Span : body.Slice(input.MessageStart, input.MessageLength);
            batch.AddLine(last, input.Stream == "stderr" ? LogStream.Stderr : LogStream.Stdout, input.Time, message);
            return null;
        }

        var at = At(index);
        if (!TryCheckSource(at, input.Stack, input.Service, input.Instance, input.Stream, input.Rack, tokenRack, racks, out var source, out var stream, out var problem))
        {
            return Rule(problem.Field, problem.Message);
        }

        if (input.HasMessage == (input.MessageBase64 is not null))
        {
            return Rule($"{at}.message", $"{at} needs exactly one of 'message' (text) and 'messageBase64' (raw bytes).");
        }

        input.LastSource = source;
        if (input.HasMessage)
        {
            var message = input.MessageCopy is { } copy ? copy.Span : body.Slice(input.MessageStart, input.MessageLength);
            batch.AddLine(source, stream, input.Time, message);
            return null;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(input.MessageBase64!.Length);
        try
        {
            if (!Convert.TryFromBase64String(input.MessageBase64, bytes, out var length))
            {
                return Rule($"{at}.messageBase64", $"{at}.messageBase64 is not valid base64: encode the raw bytes with standard base64 (RFC 4648).");
            }

            batch.AddLine(source, stream, input.Time, bytes.AsSpan(0, length));
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// Checks where lines come from (the rules shared by JSON entries and the text/plain form): exactly one of stack
    /// and service, a valid instance and stream, and a rack the token may write. <paramref name="prefix"/> goes before
    /// each field name (<c>entries[3]</c> gives <c>entries[3].instance</c>); null names the fields alone, as query
    /// parameters.
    /// </summary>
    public static bool TryCheckSource(
        string? prefix,
        string? stack,
        string? service,
        string? instance,
        string? stream,
        string? rack,
        string? tokenRack,
        IReadOnlyList<string> racks,
        [NotNullWhen(true)] out LogSourceRef? source,
        out LogStream logStream,
        [NotNullWhen(false)] out LogFieldProblem? problem)
    {
        source = null;
        logStream = LogStream.Stdout;
        problem = null;
        if ((stack is null) == (service is null))
        {
            problem = new LogFieldProblem(Field(prefix, "stack"), $"{prefix ?? "The request"} must name exactly one source: either 'stack' or 'service'.");
            return false;
        }

        var kind = stack is null ? LogSourceKind.Service : LogSourceKind.Stack;
        var sourceName = stack ?? service ?? string.Empty;
        var sourceField = Field(prefix, kind == LogSourceKind.Stack ? "stack" : "service");
        if (NameRules.Validate(sourceName, sourceField) is { } nameProblem)
        {
            problem = new LogFieldProblem(sourceField, nameProblem);
            return false;
        }

        if (string.IsNullOrEmpty(instance) || instance.Length > MaxInstanceLength
            || !instance.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            var field = Field(prefix, "instance");
            problem = new LogFieldProblem(field, $"{field} must be 1 to {MaxInstanceLength} letters, digits, '-', '_' or '.', such as 'web-1'.");
            return false;
        }

        switch (stream)
        {
            case null or "stdout":
                break;
            case "stderr":
                logStream = LogStream.Stderr;
                break;
            default:
                var field = Field(prefix, "stream");
                problem = new LogFieldProblem(field, $"{field} is '{stream}': use 'stdout' or 'stderr' (or leave it out for stdout).");
                return false;
        }

        var rackField = Field(prefix, "rack");
        if (tokenRack is not null)
        {
            if (rack is not null && rack != tokenRack)
            {
                problem = new LogFieldProblem(rackField, $"{rackField} is '{rack}', but this ingest token writes for rack '{tokenRack}' only: leave 'rack' out or use a token of that rack.");
                return false;
            }

            rack = tokenRack;
        }
        else if (rack is null || !racks.Contains(rack))
        {
            var choices = racks.Count == 0 ? "none" : string.Join(", ", racks);
            problem = new LogFieldProblem(rackField, $"{rackField} must name one of the environment's racks ({choices}).");
            return false;
        }

        source = new LogSourceRef(rack, kind, sourceName, instance);
        return true;
    }

    private static string Field(string? prefix, string name) => prefix is null ? name : $"{prefix}.{name}";

    private static LogIngestParseResult Rule(string field, string error) => LogIngestParseResult.Problem(field, error, malformed: false);
}

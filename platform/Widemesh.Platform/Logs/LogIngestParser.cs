using System.Buffers;
using System.Text.Json;
using Widemesh.Sdk.Naming;

namespace Widemesh.Platform.Logs;

/// <summary>
/// Reads an ingest body: a JSON array of <see cref="LogEntryInput"/> or NDJSON (one entry per line), and checks each
/// entry. Fields are named <c>entries[i].field</c> with i counted from 0 in the order sent.
/// </summary>
internal static class LogIngestParser
{
    public const int MaxInstanceLength = 128;

    public static LogIngestParseResult Parse(ReadOnlySpan<byte> body, string? tokenRack, IReadOnlyList<string> racks)
    {
        List<LogEntryInput?> inputs = [];
        var trimmed = body.TrimStart(" \t\r\n"u8);
        try
        {
            if (!trimmed.IsEmpty && trimmed[0] == (byte)'[')
            {
                inputs.AddRange(JsonSerializer.Deserialize(trimmed, LogsJsonContext.Default.LogEntryInputArray) ?? []);
            }
            else
            {
                var line = 0;
                foreach (var range in trimmed.Split((byte)'\n'))
                {
                    line++;
                    var text = trimmed[range].Trim(" \t\r"u8);
                    if (!text.IsEmpty)
                    {
                        inputs.Add(DeserializeLine(text, line));
                    }
                }
            }
        }
        catch (JsonException exception)
        {
            return LogIngestParseResult.Problem(
                null,
                $"The body is not a JSON array of log entries nor NDJSON (one entry per line): {exception.Message} "
                + "Messages must be valid UTF-8 JSON strings; send raw bytes in 'messageBase64' instead.",
                malformed: true);
        }

        if (inputs.Count == 0)
        {
            return LogIngestParseResult.Problem("entries", "The body holds no log entries: send a JSON array or NDJSON with at least one entry.", malformed: false);
        }

        var drafts = new List<LogDraft>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            if (Check(inputs[i], $"entries[{i}]", tokenRack, racks, drafts) is { } problem)
            {
                return problem;
            }
        }

        return new LogIngestParseResult(drafts, inputs.Count, null, null, false);
    }

    private static LogEntryInput? DeserializeLine(ReadOnlySpan<byte> text, int line)
    {
        try
        {
            return JsonSerializer.Deserialize(text, LogsJsonContext.Default.LogEntryInput);
        }
        catch (JsonException exception)
        {
            throw new JsonException($"line {line}: {exception.Message}", exception);
        }
    }

    private static LogIngestParseResult? Check(LogEntryInput? input, string at, string? tokenRack, IReadOnlyList<string> racks, List<LogDraft> drafts)
    {
        if (input is null)
        {
            return Rule(at, $"{at} is null: every entry is an object with stack or service, instance and message.");
        }

        if ((input.Stack is null) == (input.Service is null))
        {
            return Rule($"{at}.stack", $"{at} must name exactly one source: either 'stack' or 'service'.");
        }

        var kind = input.Stack is null ? LogSourceKind.Service : LogSourceKind.Stack;
        var sourceField = $"{at}.{(kind == LogSourceKind.Stack ? "stack" : "service")}";
        if (NameRules.Validate(input.Stack ?? input.Service, sourceField) is { } nameProblem)
        {
            return Rule(sourceField, nameProblem);
        }

        if (string.IsNullOrEmpty(input.Instance) || input.Instance.Length > MaxInstanceLength
            || !input.Instance.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return Rule($"{at}.instance", $"{at}.instance must be 1 to {MaxInstanceLength} letters, digits, '-', '_' or '.', such as 'web-1'.");
        }

        LogStream stream;
        switch (input.Stream)
        {
            case null or "stdout":
                stream = LogStream.Stdout;
                break;
            case "stderr":
                stream = LogStream.Stderr;
                break;
            default:
                return Rule($"{at}.stream", $"{at}.stream is '{input.Stream}': use 'stdout' or 'stderr' (or leave it out for stdout).");
        }

        string rack;
        if (tokenRack is not null)
        {
            if (input.Rack is not null && input.Rack != tokenRack)
            {
                return Rule($"{at}.rack", $"{at}.rack is '{input.Rack}', but this ingest token writes for rack '{tokenRack}' only: leave 'rack' out or use a token of that rack.");
            }

            rack = tokenRack;
        }
        else if (input.Rack is null || !racks.Contains(input.Rack))
        {
            var choices = racks.Count == 0 ? "none" : string.Join(", ", racks);
            return Rule($"{at}.rack", $"{at}.rack must name one of the environment's racks ({choices}).");
        }
        else
        {
            rack = input.Rack;
        }

        if ((input.Message is null) == (input.MessageBase64 is null))
        {
            return Rule($"{at}.message", $"{at} needs exactly one of 'message' (text) and 'messageBase64' (raw bytes).");
        }

        var source = new LogSourceRef(rack, kind, input.Stack ?? input.Service!, input.Instance);
        if (input.Message is not null)
        {
            LogText.AddLine(source, stream, input.Time, input.Message, drafts);
            return null;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(input.MessageBase64!.Length);
        try
        {
            if (!Convert.TryFromBase64String(input.MessageBase64, bytes, out var length))
            {
                return Rule($"{at}.messageBase64", $"{at}.messageBase64 is not valid base64: encode the raw bytes with standard base64 (RFC 4648).");
            }

            LogText.AddLine(source, stream, input.Time, bytes.AsSpan(0, length), drafts);
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static LogIngestParseResult Rule(string field, string error) => LogIngestParseResult.Problem(field, error, malformed: false);
}

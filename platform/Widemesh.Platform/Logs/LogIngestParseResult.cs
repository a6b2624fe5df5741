namespace Widemesh.Platform.Logs;

/// <summary>
/// The entries of an ingest body as a batch ready to queue, or the first problem: <see cref="Malformed"/> when the
/// body is not JSON, otherwise a rule broken by the field <see cref="Field"/>.
/// </summary>
internal sealed record LogIngestParseResult(LogPendingBatch? Batch, int Accepted, string? Field, string? Error, bool Malformed)
{
    public static LogIngestParseResult Problem(string? field, string error, bool malformed) => new(null, 0, field, error, malformed);
}

namespace Widemesh.Logs.Benchmarks;

internal sealed record IngestResult(long Bytes, TimeSpan Cat, TimeSpan InProcess, TimeSpan Http)
{
    public static double MegabytesPerSecond(long bytes, TimeSpan elapsed) => bytes / 1_000_000.0 / elapsed.TotalSeconds;
}

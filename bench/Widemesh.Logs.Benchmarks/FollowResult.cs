namespace Widemesh.Logs.Benchmarks;

internal sealed record FollowResult(int Samples, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds);

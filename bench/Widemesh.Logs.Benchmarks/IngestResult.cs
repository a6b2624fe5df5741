namespace Widemesh.Logs.Benchmarks;

internal sealed record IngestResult(long Bytes, Measurement Cat, Measurement InProcess, Measurement Http, Measurement HttpText);

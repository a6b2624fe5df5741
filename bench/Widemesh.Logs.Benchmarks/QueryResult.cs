namespace Widemesh.Logs.Benchmarks;

internal sealed record QueryResult(long StoreBytes, long CatBytes, Measurement Cat, Measurement Query, TimeSpan FirstLine, long ResponseBytes, long Lines);

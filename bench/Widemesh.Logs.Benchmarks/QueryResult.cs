namespace Widemesh.Logs.Benchmarks;

internal sealed record QueryResult(long StoreBytes, long CatBytes, TimeSpan Cat, TimeSpan Query, TimeSpan FirstLine, long ResponseBytes, long Lines);

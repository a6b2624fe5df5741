using System.Diagnostics;

namespace Widemesh.Platform.Tests.Runtime;

/// <summary>Polls until something is true, failing with what was awaited.</summary>
internal static class RuntimeWait
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);

    public static Task UntilAsync(Func<bool> condition, string what, CancellationToken cancellationToken) =>
        UntilAsync(() => Task.FromResult(condition()), what, null, DefaultLimit, cancellationToken);

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan limit, CancellationToken cancellationToken) =>
        UntilAsync(() => Task.FromResult(condition()), what, null, limit, cancellationToken);

    public static Task UntilAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken) =>
        UntilAsync(condition, what, null, DefaultLimit, cancellationToken);

    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan limit, CancellationToken cancellationToken) =>
        UntilAsync(condition, what, null, limit, cancellationToken);

    /// <summary>Fails after <paramref name="limit"/> with <paramref name="what"/> and, when given, what <paramref name="describe"/> says.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, Func<string>? describe, TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"Waited {limit.TotalSeconds:0} s for {what}.{(describe is null ? string.Empty : " " + describe())}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}

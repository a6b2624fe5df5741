using System.Diagnostics;

namespace Widemesh.Platform.Tests.Runtime;

/// <summary>Polls until something is true, failing with what was awaited.</summary>
internal static class RuntimeWait
{
    public static async Task UntilAsync(Func<bool> condition, string what, CancellationToken cancellationToken, int seconds = 30)
    {
        await UntilAsync(() => Task.FromResult(condition()), what, cancellationToken, seconds);
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken, int seconds = 30, Func<string>? describe = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                Assert.Fail($"Waited {seconds} s for {what}.{(describe is null ? string.Empty : " " + describe())}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}

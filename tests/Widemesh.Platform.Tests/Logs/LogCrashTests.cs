using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Tests.Logs;

/// <summary>
/// A real <c>kill -9</c>: this test assembly runs again as a child process that only executes
/// <see cref="Crash_writer_child_appends_and_acknowledges_until_killed"/> (an explicit test), which appends batches and
/// records each acknowledgement in a file. The parent kills it with SIGKILL mid-stream, reopens the store and checks
/// that every acknowledged batch is there, intact.
/// </summary>
public sealed class LogCrashTests
{
    private const string DirectoryVariable = "WIDEMESH_LOGS_CRASH_DIR";

    [Fact]
    public async Task Every_acknowledged_batch_survives_kill_9()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var directory = new LogTestDirectory();
        var acks = Path.Combine(directory.Path, "acks.txt");
        using var child = StartChild(directory.Path);

        var deadline = Stopwatch.StartNew();
        while (CountLines(acks) < 150 && !child.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(40))
        {
            await Task.Delay(20, cancellation);
        }

        Assert.False(child.HasExited, "the writer child stopped by itself");
        child.Kill();
        await child.WaitForExitAsync(cancellation);

        var acknowledged = File.ReadAllLines(acks).Where(line => line.EndsWith(';')).Select(Parse).ToList();
        await using var store = new LogStore(new LogStoreOptions { Directory = directory.Path }, TimeProvider.System, NullLogger<LogStore>.Instance);
        var entries = (await store.QueryAsync(Some.EnvironmentId, new LogQuery { AfterSequence = 0 }, cancellation).ReadAllAsync(cancellation))
            .ToDictionary(e => e.Sequence, e => e.Message);

        Assert.True(acknowledged.Count >= 150, $"only {acknowledged.Count} acknowledgements before the kill");
        Assert.All(acknowledged, ack =>
        {
            for (var i = 0; i < ack.Count; i++)
            {
                Assert.True(entries.TryGetValue(ack.First + i, out var message), $"acknowledged entry {ack.First + i} is missing");
                Assert.Equal($"batch {ack.Batch} entry {i} " + new string('k', ack.Batch % 97), message);
            }
        });
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Keys.Order());
    }

    [Fact(Explicit = true)]
    public async Task Crash_writer_child_appends_and_acknowledges_until_killed()
    {
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        Assert.False(string.IsNullOrEmpty(directory), $"run only as the child of {nameof(Every_acknowledged_batch_survives_kill_9)}, with {DirectoryVariable} set");
        await using var store = new LogStore(new LogStoreOptions { Directory = directory, SegmentBytes = 256 * 1024 }, TimeProvider.System, NullLogger<LogStore>.Instance);
        await using var acks = new StreamWriter(Path.Combine(directory, "acks.txt")) { AutoFlush = true };
        var stopAt = Stopwatch.StartNew();
        for (var batch = 0; stopAt.Elapsed < TimeSpan.FromSeconds(60); batch++)
        {
            var count = 1 + (batch % 13);
            var drafts = Enumerable.Range(0, count).Select(i => Some.Draft($"batch {batch} entry {i} " + new string('k', batch % 97))).ToList();
            var result = await store.AppendAsync(Some.EnvironmentId, drafts, TestContext.Current.CancellationToken);
            await acks.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{batch} {result.FirstSequence} {count};"));
        }
    }

    private static Process StartChild(string directory)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(LogCrashTests).Assembly.Location);
        start.ArgumentList.Add("-method");
        start.ArgumentList.Add($"{typeof(LogCrashTests).FullName}.{nameof(Crash_writer_child_appends_and_acknowledges_until_killed)}");
        start.ArgumentList.Add("-explicit");
        start.ArgumentList.Add("only");
        start.Environment[DirectoryVariable] = directory;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the writer child");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int CountLines(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Count(c => c == '\n');
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }

    private static (int Batch, long First, int Count) Parse(string line)
    {
        var parts = line.TrimEnd(';').Split(' ');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
    }
}

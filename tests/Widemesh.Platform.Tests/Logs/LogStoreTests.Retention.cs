using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Tests.Logs;

public sealed partial class LogStoreTests
{
    [Fact]
    public async Task Entries_older_than_the_age_limit_are_hidden_then_deleted_with_their_segment()
    {
        var store = CreateSut();
        await store.AppendAsync(Some.EnvironmentId, Some.Batch(5, "early"), Cancellation);
        _time.Advance(TimeSpan.FromMinutes(30));
        await store.AppendAsync(Some.EnvironmentId, Some.Batch(5, "middle"), Cancellation);
        _time.Advance(TimeSpan.FromMinutes(31));

        var kept = await store.QueryAsync(Some.EnvironmentId, new LogQuery { Since = Start.AddHours(-2) }, Cancellation).ReadAllAsync(Cancellation);
        var fromCursor = await store.QueryAsync(Some.EnvironmentId, new LogQuery { AfterSequence = 0 }, Cancellation).ReadAllAsync(Cancellation);
        var range = await store.DescribeAsync(Some.EnvironmentId, Cancellation);
        store.ApplyRetention();
        var segments = Directory.GetFiles(Path.Combine(_directory.Path, Some.EnvironmentId), "*.log");

        Assert.All(kept, entry => Assert.StartsWith("middle", entry.Message, StringComparison.Ordinal));
        Assert.Equal(5, kept.Count);
        Assert.Equal(Enumerable.Range(6, 5).Select(i => (long)i), fromCursor.Select(e => e.Sequence));
        Assert.Equal(Start.AddMinutes(30), range.Oldest);
        Assert.Single(segments);
        Assert.Equal(6, long.Parse(Path.GetFileNameWithoutExtension(segments[0]), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_age_limit_is_configurable_and_idle_environments_are_cleaned_too()
    {
        var store = CreateSut(o => o with { MaxAge = TimeSpan.FromMinutes(10), SegmentMaxSpan = TimeSpan.FromMinutes(1) });
        for (var minute = 0; minute < 30; minute++)
        {
            await store.AppendAsync(Some.EnvironmentId, Some.Batch(2, $"minute {minute}"), Cancellation);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        store.ApplyRetention();
        var entries = await store.QueryAsync(Some.EnvironmentId, new LogQuery { Since = Start.AddHours(-1) }, Cancellation).ReadAllAsync(Cancellation);
        var oldestFile = Directory.GetFiles(Path.Combine(_directory.Path, Some.EnvironmentId), "*.log").Order(StringComparer.Ordinal).First();

        Assert.Equal("minute 20 line 0", entries[0].Message);
        Assert.Equal(20, entries.Count);
        Assert.True(long.Parse(Path.GetFileNameWithoutExtension(oldestFile), System.Globalization.CultureInfo.InvariantCulture) >= 37);
    }

    [Fact]
    public async Task Past_the_size_limit_the_oldest_segments_go_first_and_disk_stays_within_limit_plus_one_segment()
    {
        const long limit = 1_000_000;
        const long segment = 64 * 1024;
        var store = CreateSut(o => o with { MaxBytesPerEnvironment = limit, SegmentBytes = segment });
        var line = new string('x', 200);
        long written = 0;
        for (var batch = 0; batch < 150; batch++)
        {
            var result = await store.AppendAsync(Some.EnvironmentId, Some.Batch(100, line), Cancellation);
            written = result.LastSequence;
            Assert.True(_directory.SizeOf(Some.EnvironmentId) <= limit + segment, $"disk use {_directory.SizeOf(Some.EnvironmentId)} after batch {batch}");
        }

        var entries = await store.QueryAsync(Some.EnvironmentId, Everything, Cancellation).ReadAllAsync(Cancellation);

        Assert.Equal(15_000, written);
        Assert.Equal(written, entries[^1].Sequence);
        Assert.True(entries[0].Sequence > 1);
        Assert.Equal(Enumerable.Range((int)entries[0].Sequence, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.True(entries.Count * 250L > limit * 8 / 10, $"only {entries.Count} entries kept");
    }
}

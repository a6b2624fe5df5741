using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Tests.Logs;

public sealed partial class LogStoreTests
{
    [Fact]
    public async Task Follow_hands_over_from_history_to_live_entries_without_gap_or_duplicate()
    {
        var store = CreateSut(o => o with { SegmentBytes = 32 * 1024 });
        await store.AppendAsync(Some.EnvironmentId, Some.Batch(500, "history"), Cancellation);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        const int total = 500 + (200 * 12);

        var reader = Task.Run(
            async () =>
            {
                var seen = new List<long>();
                await foreach (var entry in store.QueryAsync(Some.EnvironmentId, Everything with { Follow = true }, stop.Token))
                {
                    seen.Add(entry.Sequence);
                    if (entry.Sequence == total)
                    {
                        break;
                    }
                }

                return seen;
            },
            Cancellation);
        for (var batch = 0; batch < 200; batch++)
        {
            await store.AppendAsync(Some.EnvironmentId, Some.Batch(12, $"live {batch}"), Cancellation);
        }

        stop.CancelAfter(TimeSpan.FromSeconds(20));
        var seen = await reader;

        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), seen);
    }

    [Fact]
    public async Task A_reader_that_resumes_with_its_cursor_gets_exactly_the_next_entries_under_concurrent_writes()
    {
        var store = CreateSut(o => o with { SegmentBytes = 16 * 1024 });
        using var writing = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var writer = Task.Run(
            async () =>
            {
                for (var batch = 0; batch < 300; batch++)
                {
                    await store.AppendAsync(Some.EnvironmentId, Some.Batch(1 + (batch % 7), $"w{batch}"), writing.Token);
                    await Task.Yield();
                }
            },
            Cancellation);
        var seen = new List<long>();
        long cursor = 0;

        for (var round = 0; round < 30; round++)
        {
            using var connection = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
            var taken = 0;
            await foreach (var entry in store.QueryAsync(Some.EnvironmentId, new LogQuery { AfterSequence = cursor, Follow = true }, connection.Token))
            {
                seen.Add(entry.Sequence);
                cursor = entry.Sequence;
                if (++taken == 20)
                {
                    break;
                }
            }
        }

        await writer;
        var rest = await store.QueryAsync(Some.EnvironmentId, new LogQuery { AfterSequence = cursor }, Cancellation).ReadAllAsync(Cancellation);
        seen.AddRange(rest.Select(e => e.Sequence));
        var last = store.Get(Some.EnvironmentId).CommittedSequence;

        Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), seen);
    }

    [Fact]
    public async Task A_follower_with_filters_sees_only_matching_live_entries()
    {
        var store = CreateSut();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var follower = Task.Run(
            async () =>
            {
                var messages = new List<string>();
                await foreach (var entry in store.QueryAsync(Some.EnvironmentId, new LogQuery { Follow = true, Service = "db" }, stop.Token))
                {
                    messages.Add(entry.Message);
                    if (messages.Count == 2)
                    {
                        break;
                    }
                }

                return messages;
            },
            Cancellation);

        await store.AppendAsync(Some.EnvironmentId, [Some.Draft("web 1"), Some.Draft("db 1", Some.Database())], Cancellation);
        await store.AppendAsync(Some.EnvironmentId, [Some.Draft("web 2"), Some.Draft("db 2", Some.Database())], Cancellation);
        stop.CancelAfter(TimeSpan.FromSeconds(10));

        Assert.Equal(["db 1", "db 2"], await follower);
    }
}

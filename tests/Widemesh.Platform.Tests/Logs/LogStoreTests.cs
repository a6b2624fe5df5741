using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Tests.Logs;

public sealed partial class LogStoreTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly LogTestDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly List<LogStore> _stores = [];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static LogQuery Everything => new() { Since = Start.AddDays(-1) };

    [Fact]
    public async Task Append_then_query_returns_every_field_in_order()
    {
        var store = CreateSut();
        var sourceTime = Start.AddSeconds(-3);
        List<LogDraft> batch =
        [
            Some.Draft("hello") with { SourceTime = sourceTime },
            Some.Draft("oops", Some.Database("r2"), LogStream.Stderr),
        ];

        var result = await store.AppendAsync(Some.EnvironmentId, batch, Cancellation);
        var entries = await store.QueryAsync(Some.EnvironmentId, new LogQuery(), Cancellation).ReadAllAsync(Cancellation);

        Assert.Equal(new LogAppendResult(1, 2), result);
        Assert.Equal(2, entries.Count);
        Assert.Equal(new LogEntry(1, Start, sourceTime, Some.EnvironmentId, "r1", LogSourceKind.Stack, "web", "web-1", LogStream.Stdout, "hello", false), entries[0]);
        Assert.Equal(new LogEntry(2, Start, null, Some.EnvironmentId, "r2", LogSourceKind.Service, "db", "db-1", LogStream.Stderr, "oops", false), entries[1]);
    }

    [Fact]
    public async Task Entries_of_all_racks_come_in_received_time_then_sequence_order()
    {
        var store = CreateSut();
        var writers = new[] { "r1", "r2", "r3" }.Select(rack => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await store.AppendAsync(Some.EnvironmentId, Some.Batch(3, rack, Some.Web(rack)), Cancellation);
                if (rack == "r2")
                {
                    _time.Advance(TimeSpan.FromMilliseconds(7));
                }
            }
        }));
        await Task.WhenAll(writers);

        var entries = await store.QueryAsync(Some.EnvironmentId, Everything, Cancellation).ReadAllAsync(Cancellation);

        Assert.Equal(450, entries.Count);
        Assert.Equal(Enumerable.Range(1, 450).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.True(entries.Zip(entries.Skip(1)).All(pair => pair.First.ReceivedAt <= pair.Second.ReceivedAt));
        Assert.Equal(["r1", "r2", "r3"], entries.Select(e => e.Rack).Distinct().Order());
    }

    [Fact]
    public async Task Query_starts_at_since_and_defaults_to_the_last_minute()
    {
        var store = CreateSut();
        await store.AppendAsync(Some.EnvironmentId, [Some.Draft("ten minutes ago")], Cancellation);
        _time.Advance(TimeSpan.FromMinutes(9));
        await store.AppendAsync(Some.EnvironmentId, [Some.Draft("one minute ago")], Cancellation);
        _time.Advance(TimeSpan.FromSeconds(50));
        await store.AppendAsync(Some.EnvironmentId, [Some.Draft("just now")], Cancellation);
        _time.Advance(TimeSpan.FromSeconds(10));

        var lastMinute = await store.QueryAsync(Some.EnvironmentId, new LogQuery(), Cancellation).ReadAllAsync(Cancellation);
        var lastFifteen = await store.QueryAsync(Some.EnvironmentId, new LogQuery { Since = _time.GetUtcNow().AddMinutes(-15) }, Cancellation).ReadAllAsync(Cancellation);
        var until = await store.QueryAsync(Some.EnvironmentId, Everything with { Until = Start.AddMinutes(9) }, Cancellation).ReadAllAsync(Cancellation);

        Assert.Equal(["one minute ago", "just now"], lastMinute.Select(e => e.Message));
        Assert.Equal(3, lastFifteen.Count);
        Assert.Equal(["ten minutes ago", "one minute ago"], until.Select(e => e.Message));
    }

    [Fact]
    public async Task Filters_match_stack_service_rack_instance_and_text()
    {
        var store = CreateSut();
        List<LogDraft> batch =
        [
            Some.Draft("GET / 200", Some.Web("r1", "web-1")),
            Some.Draft("GET /admin 500 ERROR", Some.Web("r2", "web-2")),
            Some.Draft("checkpoint complete", Some.Database("r1")),
            Some.Draft("connection error", Some.Database("r2")),
        ];
        await store.AppendAsync(Some.EnvironmentId, batch, Cancellation);

        async Task<string[]> MessagesAsync(LogQuery query, CancellationToken cancellationToken) =>
            [.. (await store.QueryAsync(Some.EnvironmentId, query, Cancellation).ReadAllAsync(cancellationToken)).Select(e => e.Message)];

        Assert.Equal(["GET / 200", "GET /admin 500 ERROR"], await MessagesAsync(Everything with { Stack = "web" }, Cancellation));
        Assert.Equal(["checkpoint complete", "connection error"], await MessagesAsync(Everything with { Service = "db" }, Cancellation));
        Assert.Equal(4, (await MessagesAsync(Everything with { Stack = "web", Service = "db" }, Cancellation)).Length);
        Assert.Equal(["GET / 200"], await MessagesAsync(Everything with { Stack = "web", Instance = "web-1" }, Cancellation));
        Assert.Equal(["GET /admin 500 ERROR", "connection error"], await MessagesAsync(Everything with { Rack = "r2" }, Cancellation));
        Assert.Equal(["GET /admin 500 ERROR"], await MessagesAsync(Everything with { Instance = "web-2" }, Cancellation));
        Assert.Equal(["GET /admin 500 ERROR", "connection error"], await MessagesAsync(Everything with { Text = "error" }, Cancellation));
        Assert.Equal(["connection error"], await MessagesAsync(Everything with { Text = "error", Service = "db" }, Cancellation));
        Assert.Empty(await MessagesAsync(Everything with { Stack = "db" }, Cancellation));
    }

    [Fact]
    public async Task Describe_reports_the_oldest_kept_entry_and_the_last_sequence()
    {
        var store = CreateSut();
        var empty = await store.DescribeAsync(Some.EnvironmentId, Cancellation);
        await store.AppendAsync(Some.EnvironmentId, Some.Batch(5, "a"), Cancellation);
        _time.Advance(TimeSpan.FromMinutes(38));

        var range = await store.DescribeAsync(Some.EnvironmentId, Cancellation);

        Assert.Equal(new LogRange(null, 0, Dropped: false), empty);
        Assert.Equal(new LogRange(Start, 5, Dropped: false), range);
    }

    [Fact]
    public async Task Reopening_continues_the_sequence_numbers()
    {
        var store = CreateSut();
        await store.AppendAsync(Some.EnvironmentId, Some.Batch(10, "before"), Cancellation);
        await store.DisposeAsync();

        var reopened = CreateSut();
        var result = await reopened.AppendAsync(Some.EnvironmentId, Some.Batch(2, "after"), Cancellation);
        var entries = await reopened.QueryAsync(Some.EnvironmentId, Everything, Cancellation).ReadAllAsync(Cancellation);

        Assert.Equal(new LogAppendResult(11, 12), result);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Deleting_an_environment_removes_its_files_and_ends_its_followers()
    {
        var store = CreateSut();
        await store.AppendAsync(Some.EnvironmentId, Some.Batch(10, "x"), Cancellation);
        await store.AppendAsync("env_other", Some.Batch(1, "kept"), Cancellation);
        var follower = store.QueryAsync(Some.EnvironmentId, Everything with { Follow = true }, Cancellation).ReadAllAsync(Cancellation);

        await store.DeleteEnvironmentAsync(Some.EnvironmentId, Cancellation);
        var followed = await follower.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);
        var after = await store.QueryAsync(Some.EnvironmentId, Everything, Cancellation).ReadAllAsync(Cancellation);

        Assert.False(Directory.Exists(Path.Combine(_directory.Path, Some.EnvironmentId)));
        Assert.True(Directory.Exists(Path.Combine(_directory.Path, "env_other")));
        Assert.True(followed.Count <= 10);
        Assert.Empty(after);
    }

    [Fact]
    public void Environment_ids_that_are_not_plain_names_are_refused()
    {
        var store = CreateSut();

        var problem = Assert.Throws<ArgumentException>(() => store.QueryAsync("../etc", new LogQuery(), Cancellation));

        Assert.Contains("not an environment id", problem.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        _directory.Dispose();
    }

    private LogStore CreateSut(Func<LogStoreOptions, LogStoreOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new LogStoreOptions { Directory = _directory.Path };
        var store = new LogStore(configure?.Invoke(options) ?? options, time ?? _time, NullLogger<LogStore>.Instance);
        _stores.Add(store);
        return store;
    }
}

using System.Buffers;
using System.Text;
using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Tests.Logs;

/// <summary>Raw output of one source, cut into lines by the writer rather than into a draft per line.</summary>
public sealed partial class LogStoreTests
{
    [Fact]
    public async Task Raw_output_is_stored_line_by_line_as_drafts_of_the_same_lines_would_be()
    {
        var store = CreateSut();
        var ingestor = new LogIngestor(store);
        var longLine = new string('x', LogText.MaxMessageBytes + 10);
        byte[] output = [.. "one\r\ntwo\n\n"u8, 0xFF, .. " bell"u8, 0x07, .. "\n"u8, .. Encoding.UTF8.GetBytes(longLine), .. "\nlast, no newline"u8];

        var result = await ingestor.AppendOutputAsync(Some.EnvironmentId, Some.Database("r2"), LogStream.Stderr, output, Cancellation);
        var entries = await store.QueryAsync(Some.EnvironmentId, Everything, Cancellation).ReadAllAsync(Cancellation);

        Assert.Equal(new LogAppendResult(1, 7), result);
        Assert.Equal(["one", "two", "", "\\xff bell\\x07", longLine[..LogText.MaxMessageBytes], "xxxxxxxxxx", "last, no newline"], entries.Select(e => e.Message));
        Assert.Equal([false, false, false, false, false, true, false], entries.Select(e => e.Continuation));
        Assert.All(entries, e => Assert.Equal(("r2", LogSourceKind.Service, "db", "db-1", LogStream.Stderr, (DateTimeOffset?)null), (e.Rack, e.Kind, e.Source, e.Instance, e.Stream, e.SourceTime)));
    }

    [Fact]
    public async Task Output_of_many_batches_keeps_its_order_and_never_cuts_a_line_between_two_batches()
    {
        var store = CreateSut();
        var ingestor = new LogIngestor(store);
        var lines = Enumerable.Range(0, 12_000).Select(i => $"line {i} " + new string('.', i % 200)).ToList();
        var longLine = new string('L', 1100 * 1024);
        lines.Insert(6000, longLine);
        var output = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");

        await ingestor.AppendOutputAsync(Some.EnvironmentId, Some.Web(), LogStream.Stdout, output, Cancellation);
        var entries = await store.QueryAsync(Some.EnvironmentId, Everything, Cancellation).ReadAllAsync(Cancellation);

        var joined = new List<string>();
        foreach (var entry in entries)
        {
            if (entry.Continuation)
            {
                joined[^1] += entry.Message;
            }
            else
            {
                joined.Add(entry.Message);
            }
        }

        Assert.Equal(lines, joined);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_pooled_body_is_cut_in_place_with_its_escaped_lines_in_order_and_nothing_past_its_length()
    {
        var store = CreateSut();
        var ingestor = new LogIngestor(store);
        byte[] body = [.. "plain\n"u8, 0x01, .. "escaped\nplain again\r\n\n"u8, 0xC3, .. "\nlast"u8];
        var pooled = ArrayPool<byte>.Shared.Rent(body.Length + 100);
        pooled.AsSpan().Fill((byte)'#');
        body.CopyTo(pooled);

        var result = await ingestor.TryIngestOutputAsync(Some.EnvironmentId, Some.Web(), LogStream.Stdout, pooled, body.Length, Cancellation);
        var entries = await store.QueryAsync(Some.EnvironmentId, Everything, Cancellation).ReadAllAsync(Cancellation);

        Assert.Equal(new LogAppendResult(1, 6), result);
        Assert.Equal(["plain", "\\x01escaped", "plain again", "", "\\xc3", "last"], entries.Select(e => e.Message));
    }

    [Fact]
    public async Task Output_of_many_short_lines_keeps_every_line()
    {
        var store = CreateSut();
        var ingestor = new LogIngestor(store);
        var lines = Enumerable.Range(0, 5000).Select(i => i % 3 == 0 ? string.Empty : (i % 100).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        await ingestor.AppendOutputAsync(Some.EnvironmentId, Some.Web(), LogStream.Stdout, Encoding.UTF8.GetBytes(string.Join('\n', lines)), Cancellation);
        var entries = await store.QueryAsync(Some.EnvironmentId, Everything, Cancellation).ReadAllAsync(Cancellation);

        Assert.Equal(lines, entries.Select(e => e.Message));
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_may_reuse_its_buffer_at_once_without_changing_what_is_stored()
    {
        using var clock = new GatedTimeProvider();
        var store = CreateSut(time: clock);
        var ingestor = new LogIngestor(store);
        await ingestor.AppendOutputAsync(Some.EnvironmentId, Some.Web(), LogStream.Stdout, "first\n"u8.ToArray(), Cancellation);
        var buffer = "kept as sent\n"u8.ToArray();

        // The writer stalls on the closed clock, so the append is queued but not written when the caller gives up.
        clock.Close();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var append = ingestor.AppendOutputAsync(Some.EnvironmentId, Some.Web(), LogStream.Stdout, buffer, giveUp.Token);
        await clock.Waiting.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => append);
        "overwritten!\n"u8.CopyTo(buffer);
        clock.Open();
        await ingestor.AppendOutputAsync(Some.EnvironmentId, Some.Web(), LogStream.Stdout, "after\n"u8.ToArray(), Cancellation);

        var entries = await store.QueryAsync(Some.EnvironmentId, Everything, Cancellation).ReadAllAsync(Cancellation);
        Assert.Equal(["first", "kept as sent", "after"], entries.Select(e => e.Message));
    }
}

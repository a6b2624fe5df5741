using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Tests.Logs;

public sealed partial class LogStoreTests
{
    [Fact]
    public async Task A_torn_or_garbled_tail_is_cut_at_reopen_and_every_complete_batch_is_kept()
    {
        var (batchEnds, expected) = await WriteBatchesAndCloseAsync(batches: 40, Cancellation);
        var environment = Path.Combine(_directory.Path, Some.EnvironmentId);
        var segment = Directory.GetFiles(environment, "*.log").Order(StringComparer.Ordinal).Last();
        var pristine = await File.ReadAllBytesAsync(segment, Cancellation);
        var random = new Random(5);

        for (var round = 0; round < 30; round++)
        {
            var damageAt = random.Next(LogRecordCodec.FileMagic.Length, pristine.Length);
            var damaged = round % 2 == 0 ? pristine[..damageAt] : Garble(pristine, damageAt, random);
            await File.WriteAllBytesAsync(segment, damaged, Cancellation);

            var store = CreateSut();
            var entries = await store.QueryAsync(Some.EnvironmentId, Everything, Cancellation).ReadAllAsync(Cancellation);
            var appended = await store.AppendAsync(Some.EnvironmentId, [Some.Draft("after recovery")], Cancellation);
            await store.DisposeAsync();
            _stores.Remove(store);

            var complete = batchEnds.Count(end => end <= damageAt) * 10;
            Assert.True(entries.Count >= complete, $"round {round}: {entries.Count} entries kept, {complete} were complete before offset {damageAt}");
            Assert.Equal(expected.Take(entries.Count), entries.Select(e => (e.Sequence, e.Message)));
            Assert.Equal(entries.Count + 1, appended.FirstSequence);
        }
    }

    [Fact]
    public async Task A_segment_with_a_damaged_start_or_a_leftover_empty_file_opens_without_error()
    {
        var environment = Path.Combine(_directory.Path, Some.EnvironmentId);
        Directory.CreateDirectory(environment);
        await File.WriteAllBytesAsync(Path.Combine(environment, LogSegment.FileName(1)), [1, 2, 3], Cancellation);

        var store = CreateSut();
        var before = await store.QueryAsync(Some.EnvironmentId, Everything, Cancellation).ReadAllAsync(Cancellation);
        var result = await store.AppendAsync(Some.EnvironmentId, [Some.Draft("fresh")], Cancellation);

        Assert.Empty(before);
        Assert.Equal(1, result.FirstSequence);
    }

    private static byte[] Garble(byte[] pristine, int at, Random random)
    {
        var copy = pristine.ToArray();
        var length = Math.Min(copy.Length - at, 1 + random.Next(64));
        random.NextBytes(copy.AsSpan(at, length));
        copy[at] ^= 0x5A;
        return copy;
    }

    /// <summary>Writes batches of ten, one frame each, and returns the file offset where each batch ends.</summary>
    private async Task<(List<long> BatchEnds, List<(long, string)> Expected)> WriteBatchesAndCloseAsync(int batches, CancellationToken cancellationToken)
    {
        var store = CreateSut();
        var ends = new List<long>();
        var expected = new List<(long, string)>();
        for (var batch = 0; batch < batches; batch++)
        {
            var drafts = Some.Batch(10, $"batch {batch} " + new string('z', batch * 7));
            var result = await store.AppendAsync(Some.EnvironmentId, drafts, cancellationToken);
            ends.Add(store.Get(Some.EnvironmentId).Segments[^1].Length);
            expected.AddRange(drafts.Select((d, i) => (result.FirstSequence + i, System.Text.Encoding.UTF8.GetString(d.Message.Span))));
        }

        await store.DisposeAsync();
        _stores.Remove(store);
        return (ends, expected);
    }
}

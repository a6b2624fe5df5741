using System.Buffers;

namespace Widemesh.Platform.Apis;

/// <summary>
/// A log ingest body read whole into a pooled buffer, sized from Content-Length and grown when the body is chunked
/// (a fresh buffer per request cost more CPU than parsing it). Reading stops one byte past the limit, so
/// <see cref="TooLarge"/> tells an oversized body without reading all of it. The buffer goes back to the pool on
/// dispose, unless <see cref="Detach"/> handed it on (a text/plain body is stored from it without another copy).
/// </summary>
internal sealed class IngestBody : IDisposable
{
    private const int ChunkedStartBytes = 64 * 1024;

    private readonly int _limit;
    private byte[] _buffer;
    private int _length;

    private IngestBody(int limit, long? declared)
    {
        _limit = limit;
        _buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared ?? ChunkedStartBytes, limit) + 1);
    }

    public ReadOnlyMemory<byte> Bytes => _buffer.AsMemory(0, _length);

    public bool TooLarge => _length > _limit;

    /// <summary>Reads <paramref name="input"/> to its end, or to one byte past <paramref name="limit"/>; throws what Kestrel throws for a broken body.</summary>
    public static async Task<IngestBody> ReadAsync(Stream input, long? declared, int limit, CancellationToken cancellationToken)
    {
        var body = new IngestBody(limit, declared);
        try
        {
            int read;
            while (!body.TooLarge && (read = await input.ReadAsync(body._buffer.AsMemory(body._length), cancellationToken)) > 0)
            {
                body._length += read;
                if (body._length == body._buffer.Length && !body.TooLarge)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * body._buffer.Length, limit + 1L));
                    body._buffer.AsSpan(0, body._length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(body._buffer);
                    body._buffer = larger;
                }
            }

            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>Hands the pooled buffer (the body is its first <paramref name="length"/> bytes) to a new owner, which returns it to <see cref="ArrayPool{T}.Shared"/>; dispose then does nothing.</summary>
    public byte[] Detach(out int length)
    {
        length = _length;
        _length = 0;
        return Interlocked.Exchange(ref _buffer, []);
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

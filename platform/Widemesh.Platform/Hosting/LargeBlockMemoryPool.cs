using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace Widemesh.Platform.Hosting;

/// <summary>
/// The memory Kestrel reads requests into and writes answers from, in blocks of <see cref="BlockBytes"/> instead of
/// Kestrel's own 4 KiB. Kestrel receives into one block per call, so a 1 MiB log ingest body took 256 <c>recv</c>
/// calls, each with its wake-up and pipe hand-over; with 64 KiB blocks it takes 16. Idle connections hold no block
/// (Kestrel waits for data before it rents one), and blocks come from <see cref="ArrayPool{T}.Shared"/>, which keeps
/// only a bounded number per core.
/// </summary>
internal sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockBytes = 64 * 1024;

    public override int MaxBufferSize => BlockBytes;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockBytes);
        return new Block(ArrayPool<byte>.Shared.Rent(BlockBytes));
    }

    protected override void Dispose(bool disposing)
    {
    }

    /// <summary>Registers the pool as the one Kestrel's socket transport creates its pools from.</summary>
    public static void AddTo(IServiceCollection services) => services.AddSingleton<IMemoryPoolFactory<byte>, Factory>();

    private sealed class Factory : IMemoryPoolFactory<byte>
    {
        public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
    }

    private sealed class Block(byte[] array) : IMemoryOwner<byte>
    {
        private byte[]? _array = array;

        public Memory<byte> Memory => _array ?? throw new ObjectDisposedException(nameof(Block));

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _array, null) is { } returned)
            {
                ArrayPool<byte>.Shared.Return(returned);
            }
        }
    }
}

namespace Widemesh.Platform.Tests.Logs;

/// <summary>
/// The system clock, except that while the gate is closed every reading waits: a writer that reads the clock for
/// its batch stalls there, which is how the back-pressure tests make a queue fill up.
/// </summary>
internal sealed class GatedTimeProvider : TimeProvider, IDisposable
{
    private readonly ManualResetEventSlim _open = new(initialState: true);

    public void Close() => _open.Reset();

    public void Open() => _open.Set();

    public override DateTimeOffset GetUtcNow()
    {
        _open.Wait(TimeSpan.FromSeconds(30));
        return base.GetUtcNow();
    }

    public void Dispose() => _open.Dispose();
}

namespace Widemesh.Platform.Tests.Logs;

/// <summary>
/// The system clock, except that while the gate is closed every reading waits: a writer that reads the clock for
/// its batch stalls there, which is how the back-pressure tests make a queue fill up.
/// </summary>
internal sealed class GatedTimeProvider : TimeProvider, IDisposable
{
    private readonly ManualResetEventSlim _open = new(initialState: true);
    private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes the first time a reading finds the gate closed: the writer holds a batch and stalls.</summary>
    public Task Waiting => _waiting.Task;

    public void Close() => _open.Reset();

    public void Open() => _open.Set();

    public override DateTimeOffset GetUtcNow()
    {
        if (!_open.IsSet)
        {
            _waiting.TrySetResult();
        }

        _open.Wait(TimeSpan.FromSeconds(30));
        return base.GetUtcNow();
    }

    public void Dispose() => _open.Dispose();
}

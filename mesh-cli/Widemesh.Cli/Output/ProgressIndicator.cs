namespace Widemesh.Cli.Output;

/// <summary>
/// A spinner on stderr saying what <c>mesh</c> waits for. It appears only after a second (short waits
/// stay quiet), only on a terminal, and erases itself when disposed. It never writes to stdout.
/// </summary>
internal sealed class ProgressIndicator : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private const string Frames = "|/-\\";

    private readonly TextWriter _writer;
    private readonly ITimer? _timer;
    private readonly Lock _gate = new();
    private string _message;
    private int _frame;
    private int _drawnLength;
    private bool _disposed;

    private ProgressIndicator(CliContext context, string message, bool enabled)
    {
        _writer = context.Error;
        _message = message;
        if (enabled)
        {
            _timer = context.Time.CreateTimer(_ => Draw(), null, Delay, Interval);
        }
    }

    /// <summary>Starts waiting for <paramref name="message"/> (e.g. "applying 2 changes").</summary>
    public static ProgressIndicator Start(CliContext context, string message, bool quiet = false) =>
        new(context, message, context.ErrorIsTerminal && !quiet);

    public void Update(string message)
    {
        lock (_gate)
        {
            _message = message;
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_drawnLength > 0)
            {
                _writer.Write('\r' + new string(' ', _drawnLength) + '\r');
                _writer.Flush();
            }
        }
    }

    private void Draw()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var text = $"{Frames[_frame++ % Frames.Length]} {_message}...";
            var padding = Math.Max(0, _drawnLength - text.Length);
            _writer.Write('\r' + text + new string(' ', padding));
            _writer.Flush();
            _drawnLength = text.Length;
        }
    }
}

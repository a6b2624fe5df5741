using System.Text;

namespace Widemesh.Cli.Tests.Commands.Logs;

/// <summary>A writer that a running <c>mesh logs</c> writes to while the test reads what arrived so far.</summary>
internal sealed class LineCollector : TextWriter
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_lock)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>The complete lines written so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            var text = Text;
            var end = text.LastIndexOf('\n');
            return end < 0 ? [] : text[..end].Split('\n');
        }
    }

    public override void Write(char value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> complete lines are there, failing after 30 seconds.</summary>
    public async Task<IReadOnlyList<string>> WaitForLinesAsync(int count, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Lines.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected {count} lines within 30 s, got:\n{Text}");
            await Task.Delay(50, cancellationToken);
        }

        return Lines;
    }
}

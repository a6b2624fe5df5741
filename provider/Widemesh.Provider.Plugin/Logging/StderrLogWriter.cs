using System.Text;

namespace Widemesh.Provider.Plugin.Logging;

/// <summary>
/// The one writer of stderr, which go-plugin forwards into Terraform's log. Lines are
/// <c>[LEVEL] category: message</c>, the prefix form go-plugin parses (protocol doc §1.9).
/// </summary>
internal sealed class StderrLogWriter
{
    private readonly Lock _gate = new();
    private readonly Stream _stderr = System.Console.OpenStandardError();

    public static StderrLogWriter Instance { get; } = new();

    public void WriteLine(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line.EndsWith('\n') ? line : line + "\n");
        lock (_gate)
        {
            _stderr.Write(bytes);
            _stderr.Flush();
        }
    }
}

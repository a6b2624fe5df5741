using System.Text;

namespace Widemesh.Platform.Logs;

/// <summary>
/// The UTF-8 of the rack, source and instance names the writer meets. A batch's lines nearly always share the same
/// string instances, so a reference check saves encoding them again for every line.
/// </summary>
internal sealed class LogNameEncoder
{
    private readonly (string? Text, byte[] Bytes)[] _slots = new (string?, byte[])[8];
    private int _next;

    public byte[] Get(string name)
    {
        foreach (var (text, bytes) in _slots)
        {
            if (ReferenceEquals(text, name))
            {
                return bytes;
            }
        }

        var encoded = Encoding.UTF8.GetBytes(name);
        _slots[_next] = (name, encoded);
        _next = (_next + 1) % _slots.Length;
        return encoded;
    }
}

using System.Text;

namespace Widemesh.Platform.Logs;

/// <summary>Reuses the strings of the few rack, source and instance names a reader meets, instead of one per entry.</summary>
internal sealed class LogNameCache
{
    private const int Capacity = 64;

    private readonly List<(byte[] Bytes, string Text)> _entries = [];

    public string Get(ReadOnlySpan<byte> bytes)
    {
        foreach (var (known, text) in _entries)
        {
            if (bytes.SequenceEqual(known))
            {
                return text;
            }
        }

        var decoded = Encoding.UTF8.GetString(bytes);
        if (_entries.Count >= Capacity)
        {
            _entries.RemoveAt(0);
        }

        _entries.Add((bytes.ToArray(), decoded));
        return decoded;
    }
}

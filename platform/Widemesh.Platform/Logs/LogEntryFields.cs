namespace Widemesh.Platform.Logs;

/// <summary>
/// The fields of one ingest entry as read from the body. The message is kept as a range of the body when it has no
/// JSON escapes, or in <see cref="MessageCopy"/> (unescaped UTF-8) when it has; nothing is turned into UTF-16.
/// </summary>
internal sealed class LogEntryFields
{
    private byte[] _scratch = new byte[4096];

    public DateTimeOffset? Time { get; set; }

    public string? Rack { get; set; }

    public string? Stack { get; set; }

    public string? Service { get; set; }

    public string? Instance { get; set; }

    public string? Stream { get; set; }

    public bool HasMessage { get; set; }

    public int MessageStart { get; set; }

    public int MessageLength { get; set; }

    /// <summary>The unescaped message, in <see cref="Scratch"/>'s buffer: valid until the next entry is read.</summary>
    public ReadOnlyMemory<byte>? MessageCopy { get; set; }

    public string? MessageBase64 { get; set; }

    /// <summary>Rack, source and instance names met in this body, so repeated names are one string each.</summary>
    public LogNameCache Names { get; } = new();

    /// <summary>The source of the previous entry, already checked: the next entry with the same names reuses it.</summary>
    public LogSourceRef? LastSource { get; set; }

    /// <summary>The first field that had the wrong JSON type, with what it should be.</summary>
    public (string Field, string Expected)? WrongType { get; set; }

    /// <summary>A buffer of at least <paramref name="length"/> bytes, reused from entry to entry (the batch copies what it keeps).</summary>
    public byte[] Scratch(int length)
    {
        if (_scratch.Length < length)
        {
            _scratch = new byte[Math.Max(length, 2 * _scratch.Length)];
        }

        return _scratch;
    }

    public void Clear()
    {
        Time = null;
        Rack = Stack = Service = Instance = Stream = MessageBase64 = null;
        HasMessage = false;
        MessageStart = MessageLength = 0;
        MessageCopy = null;
        WrongType = null;
    }
}

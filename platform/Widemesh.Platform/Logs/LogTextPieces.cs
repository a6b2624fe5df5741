namespace Widemesh.Platform.Logs;

/// <summary>
/// The stored messages of raw output, in order, without a draft or a copy per line: each line cut at <c>\n</c>
/// (a trailing <c>\r</c> removed), escaped by <see cref="LogText"/>'s rules only when it needs it, and cut into
/// pieces of at most <see cref="LogText.MaxMessageBytes"/>. A piece is valid until the next call.
/// </summary>
internal ref struct LogTextPieces
{
    private ReadOnlySpan<byte> _output;
    private ReadOnlySpan<byte> _rest;
    private byte[]? _escaped;
    private bool _inLine;

    public LogTextPieces(ReadOnlySpan<byte> output)
    {
        _output = output;
    }

    public bool MoveNext(out ReadOnlySpan<byte> piece, out bool continuation)
    {
        if (!_inLine)
        {
            if (_output.IsEmpty)
            {
                piece = default;
                continuation = false;
                return false;
            }

            // One scan finds the end of a plain ASCII line: the first byte that is a control character, DEL or
            // not ASCII is, for most lines, the '\n' (or "\r\n") that ends them. Anything else takes the full check.
            ReadOnlySpan<byte> line;
            var hit = _output.IndexOfAny(LogText.NotPlain);
            if (hit < 0)
            {
                line = _output;
                _output = [];
            }
            else if (_output[hit] == (byte)'\n')
            {
                line = _output[..hit];
                _output = _output[(hit + 1)..];
            }
            else if (_output[hit] == (byte)'\r' && hit + 1 < _output.Length && _output[hit + 1] == (byte)'\n')
            {
                line = _output[..hit];
                _output = _output[(hit + 2)..];
            }
            else
            {
                var end = _output.IndexOf((byte)'\n');
                line = end < 0 ? _output : _output[..end];
                _output = end < 0 ? [] : _output[(end + 1)..];
                if (!line.IsEmpty && line[^1] == (byte)'\r')
                {
                    line = line[..^1];
                }

                if (LogText.NeedsEscape(line))
                {
                    _escaped = LogText.Escape(line);
                    line = _escaped;
                }
            }

            _rest = line;
            _inLine = true;
            continuation = false;
        }
        else
        {
            continuation = true;
        }

        var length = LogText.CutPoint(_rest);
        piece = _rest[..length];
        _rest = _rest[length..];
        _inLine = !_rest.IsEmpty;
        return true;
    }
}

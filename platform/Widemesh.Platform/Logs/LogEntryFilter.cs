using System.Text;

namespace Widemesh.Platform.Logs;

/// <summary>The field filters of a <see cref="LogQuery"/>, compared on the stored UTF-8 bytes before anything is decoded.</summary>
internal sealed class LogEntryFilter
{
    private readonly byte[]? _stack;
    private readonly byte[]? _service;
    private readonly byte[]? _rack;
    private readonly byte[]? _instance;

    public LogEntryFilter(LogQuery query)
    {
        _stack = Bytes(query.Stack);
        _service = Bytes(query.Service);
        _rack = Bytes(query.Rack);
        _instance = Bytes(query.Instance);
        Text = string.IsNullOrEmpty(query.Text) ? null : query.Text;
    }

    public string? Text { get; }

    public bool Matches(in LogRecordView record)
    {
        if (_stack is not null || _service is not null)
        {
            var wanted = record.Kind == LogSourceKind.Stack ? _stack : _service;
            if (wanted is null || !record.Source.SequenceEqual(wanted))
            {
                return false;
            }
        }

        return (_rack is null || record.Rack.SequenceEqual(_rack))
            && (_instance is null || record.Instance.SequenceEqual(_instance));
    }

    private static byte[]? Bytes(string? value) => string.IsNullOrEmpty(value) ? null : Encoding.UTF8.GetBytes(value);
}

using System.Text;
using Widemesh.Platform.Logs;

namespace Widemesh.Platform.Tests.Logs;

public sealed class LogTextTests
{
    [Fact]
    public void Long_lines_are_split_into_continuation_entries_and_nothing_is_dropped()
    {
        var line = string.Concat(Enumerable.Repeat("héllo wörld ", 20_000));
        var batch = LogPendingBatch.Of([]);

        batch.AddLine(Some.Web(), LogStream.Stdout, null, Encoding.UTF8.GetBytes(line));
        var drafts = batch.ToDrafts();

        Assert.True(drafts.Count >= 4);
        Assert.All(drafts, d => Assert.True(d.Message.Length <= LogText.MaxMessageBytes));
        Assert.Equal([false, .. Enumerable.Repeat(true, drafts.Count - 1)], drafts.Select(d => d.Continuation));
        Assert.Equal(line, string.Concat(drafts.Select(d => Encoding.UTF8.GetString(d.Message.Span))));
    }

    [Fact]
    public void Invalid_utf8_and_control_bytes_are_escaped_as_hex()
    {
        byte[] raw = [.. "ok "u8, 0xFF, 0xC3, .. " bell"u8, 0x07, .. " tab\tend"u8];

        var escaped = Encoding.UTF8.GetString(LogText.Escape(raw));

        Assert.Equal("ok \\xff\\xc3 bell\\x07 tab\tend", escaped);
    }

    [Fact]
    public void Output_is_cut_into_lines_and_crlf_endings_are_trimmed()
    {
        Assert.Equal(["one", "two", "", "three"], Pieces("one\r\ntwo\n\nthree"u8));
        Assert.Equal(["a"], Pieces("a\n"u8));
        Assert.Equal([""], Pieces("\n"u8));
        Assert.Empty(Pieces(""u8));
        Assert.Equal(["cr at the end"], Pieces("cr at the end\r"u8));
        byte[] mixed = [.. "a\rb\ntab\tkept\r\ndel"u8, 0x7F, .. "\nünï ✓\r\nbell"u8, 0x07, (byte)'\n', 0xFF];
        Assert.Equal(["a\\x0db", "tab\tkept", "del\\x7f", "ünï ✓", "bell\\x07", "\\xff"], Pieces(mixed));
    }

    private static List<string> Pieces(ReadOnlySpan<byte> output)
    {
        var messages = new List<string>();
        var pieces = new LogTextPieces(output);
        while (pieces.MoveNext(out var piece, out _))
        {
            messages.Add(Encoding.UTF8.GetString(piece));
        }

        return messages;
    }
}

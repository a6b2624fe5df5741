using Widemesh.Cli.Output;

namespace Widemesh.Cli.Tests.Output;

public sealed class TableWriterTests
{
    [Fact]
    public void Columns_are_padded_to_the_widest_cell_and_lines_have_no_trailing_spaces()
    {
        var table = new TableWriter(["name", "racks"]);
        table.AddRow("a", "x,y");
        table.AddRow("longer-name", "");
        var writer = new StringWriter();

        table.WriteTo(writer, new TerminalStyle(enabled: false));

        Assert.Equal("NAME         RACKS\na            x,y\nlonger-name\n", writer.ToString());
    }

    [Fact]
    public void Styling_is_off_unless_enabled()
    {
        Assert.Equal("text", new TerminalStyle(enabled: false).Bold("text"));
        Assert.Equal("\u001b[1mtext\u001b[0m", new TerminalStyle(enabled: true).Bold("text"));
    }

    [Fact]
    public void No_color_turns_styling_off_even_on_a_terminal()
    {
        var context = new CliContext
        {
            Out = TextWriter.Null,
            Error = TextWriter.Null,
            OutIsTerminal = true,
            GetVariable = name => name == "NO_COLOR" ? "1" : null,
            HomeDirectory = "/",
            CurrentDirectory = "/",
        };

        Assert.False(TerminalStyle.ForOut(context).Enabled);
    }
}

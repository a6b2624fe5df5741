namespace Widemesh.Cli.Output;

/// <summary>Writes rows as left-aligned columns separated by two spaces, headers in upper case.</summary>
internal sealed class TableWriter(IReadOnlyList<string> headers)
{
    private readonly List<string[]> _rows = [];

    public void AddRow(params string[] cells)
    {
        if (cells.Length != headers.Count)
        {
            throw new ArgumentException($"A row needs {headers.Count} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public void WriteTo(TextWriter writer, TerminalStyle style)
    {
        var widths = new int[headers.Count];
        for (var column = 0; column < headers.Count; column++)
        {
            widths[column] = headers[column].Length;
            foreach (var row in _rows)
            {
                widths[column] = Math.Max(widths[column], row[column].Length);
            }
        }

        var builder = new System.Text.StringBuilder(capacity: 64 * (_rows.Count + 1));
        builder.Append(style.Bold(Line(headers.Select(h => h.ToUpperInvariant()).ToArray(), widths)));
        builder.Append('\n');
        foreach (var row in _rows)
        {
            builder.Append(Line(row, widths));
            builder.Append('\n');
        }

        writer.Write(builder.ToString());
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths)
    {
        var builder = new System.Text.StringBuilder();
        for (var column = 0; column < cells.Count; column++)
        {
            var last = column == cells.Count - 1;
            builder.Append(last ? cells[column] : cells[column].PadRight(widths[column] + 2));
        }

        return builder.ToString().TrimEnd();
    }
}

namespace Widemesh.Cli.Hcl;

/// <summary>Small facts about trivia text (the whitespace and comments before a token).</summary>
internal static class HclTrivia
{
    /// <summary>The spaces and tabs that start the last line of the trivia.</summary>
    public static string Indentation(string trivia)
    {
        var line = trivia[(trivia.LastIndexOf('\n') + 1)..];
        return line[..(line.Length - line.TrimStart(' ', '\t').Length)];
    }

    /// <summary>Whether the text is one comment (<c>#</c>, <c>//</c> or <c>/* */</c>) and nothing else.</summary>
    public static bool IsComment(string text) =>
        text.StartsWith('#') || text.StartsWith("//", StringComparison.Ordinal)
        || (text.StartsWith("/*", StringComparison.Ordinal) && text.IndexOf("*/", StringComparison.Ordinal) == text.Length - 2);

    /// <summary>The text after the last newline of the trivia (all of it when there is none).</summary>
    public static string LastLine(string trivia) => trivia[(trivia.LastIndexOf('\n') + 1)..];

    /// <summary><c>\r\n</c> when the text's first line ends with it, otherwise <c>\n</c>.</summary>
    public static string LineEnding(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline > 0 && text[newline - 1] == '\r' ? "\r\n" : "\n";
    }

    public static bool IsBlank(string text) => text.All(c => c is ' ' or '\t' or '\r' or '\n');

    /// <summary>The trivia up to and including its first newline when that part is only whitespace (the end of the previous line).</summary>
    public static string EndOfPreviousLine(string trivia)
    {
        var newline = trivia.IndexOf('\n', StringComparison.Ordinal);
        return newline >= 0 && IsBlank(trivia[..newline]) ? trivia[..(newline + 1)] : "";
    }

    /// <summary>Whether the trivia (which ends a line) ends with a blank line.</summary>
    public static bool EndsWithBlankLine(string trivia)
    {
        if (!trivia.EndsWith('\n'))
        {
            return false;
        }

        var lastLine = trivia[..^1];
        return IsBlank(lastLine[(lastLine.LastIndexOf('\n') + 1)..]);
    }

    /// <summary>Drops whole blank lines at the start of the trivia, keeping the indentation of the first non-blank line.</summary>
    public static string WithoutLeadingBlankLines(string trivia)
    {
        var start = 0;
        while (trivia.IndexOf('\n', start) is var newline and >= 0 && IsBlank(trivia[start..newline]))
        {
            start = newline + 1;
        }

        return trivia[start..];
    }
}

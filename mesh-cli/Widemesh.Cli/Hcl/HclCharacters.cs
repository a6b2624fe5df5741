using System.Buffers;
using System.Globalization;
using System.Text;

namespace Widemesh.Cli.Hcl;

/// <summary>Character classes of the native syntax (identifiers per UAX #31 plus <c>-</c>).</summary>
internal static class HclCharacters
{
    public static bool IsIdentifierStart(string text, int index, out int length)
    {
        if (index < text.Length && text[index] < 128)
        {
            length = 1;
            return char.IsAsciiLetter(text[index]) || text[index] == '_';
        }

        if (!TryRune(text, index, out var rune, out length))
        {
            return false;
        }

        return rune.Value == '_' || IsLetterCategory(Rune.GetUnicodeCategory(rune));
    }

    public static bool IsIdentifierPart(string text, int index, out int length)
    {
        if (index < text.Length && text[index] < 128)
        {
            length = 1;
            return char.IsAsciiLetterOrDigit(text[index]) || text[index] is '_' or '-';
        }

        if (!TryRune(text, index, out var rune, out length))
        {
            return false;
        }

        if (rune.Value is '_' or '-')
        {
            return true;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return IsLetterCategory(category) || category is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.ConnectorPunctuation;
    }

    public static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || !IsIdentifierStart(text, 0, out var length))
        {
            return false;
        }

        var index = length;
        while (index < text.Length)
        {
            if (!IsIdentifierPart(text, index, out length))
            {
                return false;
            }

            index += length;
        }

        return true;
    }

    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsLetterCategory(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    private static bool TryRune(string text, int index, out Rune rune, out int length)
    {
        rune = default;
        length = 0;
        if (index >= text.Length)
        {
            return false;
        }

        if (Rune.DecodeFromUtf16(text.AsSpan(index), out rune, out length) != OperationStatus.Done)
        {
            return false;
        }

        return true;
    }
}

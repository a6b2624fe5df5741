using System.Globalization;
using System.Numerics;

namespace Widemesh.Cli.Hcl;

/// <summary>
/// An exact decimal number: <c>Unscaled × 10^-Scale</c> with no trailing zeros in the fraction, so
/// <c>1e3</c>, <c>1000</c> and <c>1000.0</c> are equal. Printed in plain decimal notation.
/// </summary>
internal sealed record HclNumber(BigInteger Unscaled, int Scale) : HclValue
{
    /// <summary>Exponents beyond this are refused rather than expanded into huge integers.</summary>
    public const int MaxExponent = 4096;

    public static new HclNumber From(long value) => new(value, 0);

    public static HclNumber From(decimal value)
    {
        var magnitude = Parse(Math.Abs(value).ToString(CultureInfo.InvariantCulture))!;
        return value < 0 ? magnitude.Negate() : magnitude;
    }

    /// <summary>Parses a numeric literal (<c>12</c>, <c>1.5</c>, <c>2e-3</c>); null when malformed or out of range.</summary>
    public static HclNumber? Parse(string literal)
    {
        var exponentAt = literal.IndexOfAny(['e', 'E']);
        var mantissa = exponentAt < 0 ? literal : literal[..exponentAt];
        var exponent = 0;
        if (exponentAt >= 0 && (!int.TryParse(literal.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
            || Math.Abs(exponent) > MaxExponent))
        {
            return null;
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var scale = (dot < 0 ? 0 : mantissa.Length - dot - 1) - exponent;
        var unscaled = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        return scale < 0 ? new HclNumber(unscaled * BigInteger.Pow(10, -scale), 0) : Normalize(unscaled, scale);
    }

    public bool IsInteger => Scale == 0;

    public HclNumber Negate() => this with { Unscaled = -Unscaled };

    public bool TryGetInt64(out long value)
    {
        value = 0;
        if (!IsInteger || Unscaled < long.MinValue || Unscaled > long.MaxValue)
        {
            return false;
        }

        value = (long)Unscaled;
        return true;
    }

    public override string ToString()
    {
        if (Scale == 0)
        {
            return Unscaled.ToString(CultureInfo.InvariantCulture);
        }

        var digits = BigInteger.Abs(Unscaled).ToString(CultureInfo.InvariantCulture).PadLeft(Scale + 1, '0');
        var sign = Unscaled.Sign < 0 ? "-" : "";
        return $"{sign}{digits[..^Scale]}.{digits[^Scale..]}";
    }

    private static HclNumber Normalize(BigInteger unscaled, int scale)
    {
        while (scale > 0 && !unscaled.IsZero && unscaled % 10 == 0)
        {
            unscaled /= 10;
            scale--;
        }

        return new HclNumber(unscaled, unscaled.IsZero ? 0 : scale);
    }
}

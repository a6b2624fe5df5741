using System.Globalization;
using System.Numerics;

namespace Widemesh.Testing.Terraform.Cty;

/// <summary>
/// An arbitrary-precision decimal number (value = <see cref="Mantissa"/> × 10^<see cref="Exponent"/>), normalised so
/// that equal numbers compare equal (1 = 1.0), or ±infinity. go-cty numbers are big floats; decimals cover what
/// Terraform puts on the wire (§3.3).
/// </summary>
public readonly record struct CtyNumber
{
    private CtyNumber(BigInteger mantissa, int exponent, int infinity)
    {
        if (mantissa.IsZero)
        {
            exponent = 0;
        }
        else
        {
            while (mantissa % 10 == 0)
            {
                mantissa /= 10;
                exponent++;
            }
        }

        Mantissa = mantissa;
        Exponent = exponent;
        Infinity = infinity;
    }

    public BigInteger Mantissa { get; }

    public int Exponent { get; }

    /// <summary>0 for a finite number, +1 or -1 for ±infinity.</summary>
    public int Infinity { get; }

    public bool IsInteger => Infinity == 0 && Exponent >= 0;

    public static CtyNumber PositiveInfinity { get; } = new(BigInteger.Zero, 0, 1);

    public static CtyNumber NegativeInfinity { get; } = new(BigInteger.Zero, 0, -1);

    public static CtyNumber FromInteger(BigInteger value) => new(value, 0, 0);

    public static CtyNumber FromDouble(double value)
    {
        if (double.IsNaN(value))
        {
            throw new CtyException("NaN is not a valid cty number");
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? PositiveInfinity : NegativeInfinity;
        }

        return Parse(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>Parses decimal text with an optional fraction and exponent ("0.1", "-12", "1e400").</summary>
    public static CtyNumber Parse(string text)
    {
        if (!TryParse(text, out var number))
        {
            throw new CtyException($"\"{text}\" is not a valid number");
        }

        return number;
    }

    public static bool TryParse(string text, out CtyNumber number)
    {
        number = default;
        var s = text.Trim();
        if (s.Length == 0)
        {
            return false;
        }

        var exponent = 0;
        var e = s.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            if (!int.TryParse(s.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                return false;
            }

            s = s[..e];
        }

        var negative = s.StartsWith('-');
        if (negative || s.StartsWith('+'))
        {
            s = s[1..];
        }

        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var digits = dot >= 0 ? string.Concat(s.AsSpan(0, dot), s.AsSpan(dot + 1)) : s;
        if (dot >= 0)
        {
            exponent -= s.Length - dot - 1;
        }

        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var mantissa = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        number = new CtyNumber(negative ? -mantissa : mantissa, exponent, 0);
        return true;
    }

    /// <summary>True when the number is exactly a float64 (0.5 is, 0.1 is not), so go-cty would write it as float64.</summary>
    public bool TryToExactDouble(out double value)
    {
        value = 0;
        if (Infinity != 0)
        {
            value = Infinity > 0 ? double.PositiveInfinity : double.NegativeInfinity;
            return true;
        }

        var odd = BigInteger.Abs(Mantissa);
        if (Exponent < 0)
        {
            var five = BigInteger.Pow(5, -Exponent);
            if (!(odd % five).IsZero)
            {
                return false;
            }

            odd /= five;
        }
        else
        {
            odd *= BigInteger.Pow(5, Exponent);
        }

        while (!odd.IsZero && odd.IsEven)
        {
            odd >>= 1;
        }

        if (odd.GetBitLength() > 53)
        {
            return false;
        }

        value = double.Parse(ToString(), CultureInfo.InvariantCulture);
        return !double.IsInfinity(value) && value != 0 == !Mantissa.IsZero;
    }

    /// <summary>Plain decimal text without an exponent, as go-cty writes numbers in JSON.</summary>
    public override string ToString()
    {
        if (Infinity != 0)
        {
            return Infinity > 0 ? "+Inf" : "-Inf";
        }

        if (Exponent >= 0)
        {
            return (Mantissa * BigInteger.Pow(10, Exponent)).ToString(CultureInfo.InvariantCulture);
        }

        var negative = Mantissa.Sign < 0;
        var digits = BigInteger.Abs(Mantissa).ToString(CultureInfo.InvariantCulture);
        var scale = -Exponent;
        if (digits.Length <= scale)
        {
            digits = new string('0', scale - digits.Length + 1) + digits;
        }

        var text = digits[..^scale] + "." + digits[^scale..];
        return negative ? "-" + text : text;
    }
}

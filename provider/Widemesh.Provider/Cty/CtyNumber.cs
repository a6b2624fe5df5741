using System.Globalization;
using System.Numerics;
using System.Text;

namespace Widemesh.Provider.Cty;

/// <summary>
/// An arbitrary-precision cty number: an exact decimal (<c>Unscaled × 10^-Scale</c>) or ±infinity.
/// Terraform's numbers are big floats, so values are never rounded through <see cref="double"/>
/// unless they are exactly representable (protocol doc §3.3). Equality is by value (1 = 1.0).
/// </summary>
internal sealed class CtyNumber : IEquatable<CtyNumber>
{
    public static readonly CtyNumber PositiveInfinity = new(BigInteger.One, 0, infinity: 1);
    public static readonly CtyNumber NegativeInfinity = new(BigInteger.MinusOne, 0, infinity: -1);

    private static readonly BigInteger Ten = new(10);
    private readonly int _infinity;

    private CtyNumber(BigInteger unscaled, int scale, int infinity = 0)
    {
        _infinity = infinity;
        if (infinity == 0)
        {
            if (unscaled.IsZero)
            {
                scale = 0;
            }

            while (scale > 0 && (unscaled % Ten).IsZero)
            {
                unscaled /= Ten;
                scale--;
            }

            while (scale < 0)
            {
                unscaled *= Ten;
                scale++;
            }
        }

        Unscaled = unscaled;
        Scale = scale;
    }

    public BigInteger Unscaled { get; }

    /// <summary>Digits after the decimal point (0 for integers).</summary>
    public int Scale { get; }

    public bool IsInfinity => _infinity != 0;

    public bool IsInteger => !IsInfinity && Scale == 0;

    public static CtyNumber FromInt64(long value) => new(value, 0);

    public static CtyNumber FromBigInteger(BigInteger value) => new(value, 0);

    public static CtyNumber FromDecimal(decimal value)
    {
        var bits = decimal.GetBits(value);
        var scale = (bits[3] >> 16) & 0xff;
        var magnitude = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        return new CtyNumber(bits[3] < 0 ? -magnitude : magnitude, scale);
    }

    /// <summary>The exact decimal value of a double. NaN is not a cty number.</summary>
    public static CtyNumber FromDouble(double value)
    {
        if (double.IsNaN(value))
        {
            throw new CtyFormatException("NaN is not a valid number.");
        }

        if (double.IsPositiveInfinity(value))
        {
            return PositiveInfinity;
        }

        if (double.IsNegativeInfinity(value))
        {
            return NegativeInfinity;
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7ff);
        var mantissa = bits & 0xfffffffffffffL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        BigInteger unscaled = mantissa;
        var scale = 0;
        if (exponent > 0)
        {
            unscaled <<= exponent;
        }
        else if (exponent < 0)
        {
            unscaled *= BigInteger.Pow(5, -exponent);
            scale = -exponent;
        }

        return new CtyNumber(negative ? -unscaled : unscaled, scale);
    }

    /// <summary>Parses decimal text with optional sign, fraction and exponent (<c>-12.5e3</c>).</summary>
    public static bool TryParse(string text, out CtyNumber number)
    {
        number = PositiveInfinity;
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
        var integerPart = dot < 0 ? s : s[..dot];
        var fractionPart = dot < 0 ? string.Empty : s[(dot + 1)..];
        var digits = integerPart + fractionPart;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var unscaled = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        number = new CtyNumber(negative ? -unscaled : unscaled, fractionPart.Length - exponent);
        return true;
    }

    public static CtyNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new CtyFormatException($"\"{text}\" is not a number.");

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

    public double ToDouble() => _infinity switch
    {
        > 0 => double.PositiveInfinity,
        < 0 => double.NegativeInfinity,
        _ => double.Parse(ToString(), NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>True when a double holds exactly this value (then msgpack sends it as float64).</summary>
    public bool TryGetExactDouble(out double value)
    {
        value = ToDouble();
        return IsInfinity || (double.IsFinite(value) && FromDouble(value).Equals(this));
    }

    public bool Equals(CtyNumber? other) =>
        other is not null && other._infinity == _infinity && other.Scale == Scale && other.Unscaled == Unscaled;

    public override bool Equals(object? obj) => Equals(obj as CtyNumber);

    public override int GetHashCode() => HashCode.Combine(_infinity, Scale, Unscaled);

    /// <summary>Plain decimal text without exponent, as go-cty writes numbers in JSON.</summary>
    public override string ToString()
    {
        if (IsInfinity)
        {
            return _infinity > 0 ? "+Inf" : "-Inf";
        }

        var digits = BigInteger.Abs(Unscaled).ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        if (Unscaled.Sign < 0)
        {
            text.Append('-');
        }

        if (Scale == 0)
        {
            return text.Append(digits).ToString();
        }

        if (digits.Length <= Scale)
        {
            digits = new string('0', Scale - digits.Length + 1) + digits;
        }

        return text.Append(digits, 0, digits.Length - Scale).Append('.').Append(digits, digits.Length - Scale, Scale).ToString();
    }
}

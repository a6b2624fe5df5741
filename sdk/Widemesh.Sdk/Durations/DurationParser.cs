namespace Widemesh.Sdk.Durations;

/// <summary>Parses durations such as <c>30s</c>, <c>15m</c>, <c>1h</c>, <c>1h30m</c> or <c>2h15m10s</c>.</summary>
public static class DurationParser
{
    public const string AcceptedForms = "a number followed by h, m or s, largest unit first, such as 30s, 15m, 1h, 1h30m or 2h15m10s";

    public static bool TryParse(string? text, out TimeSpan duration, out string? error)
    {
        duration = TimeSpan.Zero;
        error = null;

        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"A duration is required: use {AcceptedForms}.";
            return false;
        }

        var span = text.AsSpan().Trim();
        var lastRank = int.MaxValue;
        long totalSeconds = 0;
        var position = 0;

        while (position < span.Length)
        {
            var start = position;
            while (position < span.Length && char.IsAsciiDigit(span[position]))
            {
                position++;
            }

            if (position == start || position == span.Length)
            {
                return Fail(text, out error);
            }

            if (!long.TryParse(span[start..position], out var amount) || amount > 1_000_000)
            {
                error = $"'{text}' is too long a duration; use {AcceptedForms}.";
                return false;
            }

            var (rank, seconds) = span[position] switch
            {
                'h' => (3, 3600L),
                'm' => (2, 60L),
                's' => (1, 1L),
                _ => (0, 0L),
            };

            if (rank == 0 || rank >= lastRank)
            {
                return Fail(text, out error);
            }

            lastRank = rank;
            totalSeconds += amount * seconds;
            position++;
        }

        duration = TimeSpan.FromSeconds(totalSeconds);
        return true;
    }

    /// <summary>Parses <paramref name="text"/> or throws <see cref="FormatException"/> with the accepted forms.</summary>
    public static TimeSpan Parse(string? text) =>
        TryParse(text, out var duration, out var error) ? duration : throw new FormatException(error);

    /// <summary>Writes <paramref name="duration"/> in the parser's own form, such as <c>1h30m</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        if (seconds <= 0)
        {
            return "0s";
        }

        var hours = seconds / 3600;
        var minutes = seconds % 3600 / 60;
        var rest = seconds % 60;
        return string.Concat(
            hours > 0 ? $"{hours}h" : string.Empty,
            minutes > 0 ? $"{minutes}m" : string.Empty,
            rest > 0 ? $"{rest}s" : string.Empty);
    }

    private static bool Fail(string text, out string error)
    {
        error = $"'{text}' is not a duration: use {AcceptedForms}.";
        return false;
    }
}

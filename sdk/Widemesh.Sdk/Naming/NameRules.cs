namespace Widemesh.Sdk.Naming;

/// <summary>
/// The naming rules of environments and racks: a DNS label of lowercase letters, digits and '-',
/// 1 to 63 characters, starting with a letter and not ending with '-'.
/// </summary>
public static class NameRules
{
    public const int MaxLength = 63;

    /// <summary>Returns null when <paramref name="name"/> is valid, else a message naming the field, the rule and the fix.</summary>
    public static string? Validate(string? name, string field)
    {
        ArgumentNullException.ThrowIfNull(field);

        if (string.IsNullOrEmpty(name))
        {
            return $"{field} is required: give a name of 1 to {MaxLength} lowercase letters, digits or '-', starting with a letter.";
        }

        if (name.Length > MaxLength)
        {
            return $"{field} '{Shorten(name)}' is {name.Length} characters long; a name has at most {MaxLength} characters.";
        }

        if (name[0] is < 'a' or > 'z')
        {
            return $"{field} '{name}' must start with a lowercase letter a-z{Hint(name, " (try '{0}')")}.";
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            {
                continue;
            }

            var rule = c is >= 'A' and <= 'Z' ? "; names are lowercase" : "; use only lowercase letters, digits and '-'";
            return $"{field} '{name}' contains '{c}' at position {i + 1}{rule}{Hint(name, " (try '{0}')")}.";
        }

        if (name[^1] == '-')
        {
            return $"{field} '{name}' must not end with '-'; end it with a letter or a digit{Hint(name, " (try '{0}')")}.";
        }

        return null;
    }

    /// <summary>
    /// A valid name close to <paramref name="name"/> (lowercased, other characters turned into '-'),
    /// or null when none can be made.
    /// </summary>
    public static string? Suggest(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = new System.Text.StringBuilder(name.Length);
        foreach (var raw in name.ToLowerInvariant())
        {
            var c = raw is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? raw : '-';
            if (c == '-' && (chars.Length == 0 || chars[^1] == '-'))
            {
                continue;
            }

            chars.Append(c);
        }

        var candidate = chars.ToString().TrimStart('-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        candidate = candidate[..Math.Min(candidate.Length, MaxLength)].TrimEnd('-');
        return candidate.Length > 0 && candidate != name && Validate(candidate, "name") is null ? candidate : null;
    }

    private static string Hint(string name, string format) =>
        Suggest(name) is { } suggestion ? string.Format(System.Globalization.CultureInfo.InvariantCulture, format, suggestion) : string.Empty;

    /// <summary>Whether <paramref name="name"/> follows the rules.</summary>
    public static bool IsValid(string? name) => Validate(name, "name") is null;

    /// <summary>
    /// Returns null when <paramref name="racks"/> is a valid ordered rack list (at least one, no
    /// duplicates, each a valid name), else a message naming the field, the rule and the fix.
    /// </summary>
    public static string? ValidateRacks(IReadOnlyList<string>? racks, string field)
    {
        ArgumentNullException.ThrowIfNull(field);

        if (racks is null || racks.Count == 0)
        {
            return $"{field} must list at least one rack; an environment always runs somewhere (the last rack is the primary).";
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < racks.Count; i++)
        {
            var problem = Validate(racks[i], $"{field}[{i}]");
            if (problem is not null)
            {
                return problem;
            }

            if (!seen.TryAdd(racks[i], i))
            {
                return $"{field} lists rack '{racks[i]}' twice (at {seen[racks[i]]} and {i}); list each rack once.";
            }
        }

        return null;
    }

    private static string Shorten(string name) => name.Length <= 20 ? name : string.Concat(name.AsSpan(0, 20), "...");
}

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
            var hint = name[0] is >= 'A' and <= 'Z' ? $" (try '{name.ToLowerInvariant()}')" : string.Empty;
            return $"{field} '{name}' must start with a lowercase letter a-z{hint}.";
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            {
                continue;
            }

            var hint = c is >= 'A' and <= 'Z'
                ? $"; names are lowercase (try '{name.ToLowerInvariant()}')"
                : "; use only lowercase letters, digits and '-'";
            return $"{field} '{name}' contains '{c}' at position {i + 1}{hint}.";
        }

        if (name[^1] == '-')
        {
            return $"{field} '{name}' must not end with '-'; end it with a letter or a digit.";
        }

        return null;
    }

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

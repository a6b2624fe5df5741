using System.CommandLine;
using Widemesh.Sdk.Naming;

namespace Widemesh.Cli.Commands;

/// <summary>Arguments and options whose values follow the platform's naming rules, checked while parsing.</summary>
internal static class Arguments
{
    /// <summary>A NAME argument checked against the DNS-label rules; <paramref name="what"/> names it in errors.</summary>
    public static Argument<string> Name(string what)
    {
        var argument = new Argument<string>("name") { Description = $"The {what} name: a DNS label (lowercase letters, digits and '-', starting with a letter)" };
        argument.Validators.Add(result =>
        {
            var problem = NameRules.Validate(result.GetValueOrDefault<string>(), $"{what} name");
            if (problem is not null)
            {
                result.AddError(problem);
            }
        });
        return argument;
    }

    /// <summary><c>--rack a,b</c> (or <c>--rack a --rack b</c>): an ordered rack list; the last rack is the primary.</summary>
    public static Option<string[]> Racks(bool required)
    {
        var option = new Option<string[]>("--rack", "--racks")
        {
            Description = required
                ? "The ordered racks, comma-separated; the last one is the primary, where DNS points (migrate with --rack old,new, then --rack new)"
                : "The rack to run on (or an ordered comma-separated list; the last is the primary) [default: your only or first rack]",
            Required = required,
            AllowMultipleArgumentsPerToken = false,
            HelpName = "rack[,rack…]",
            CustomParser = result => [.. result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.TrimEntries))],
        };
        option.Validators.Add(result =>
        {
            var racks = result.GetValueOrDefault<string[]>();
            if (racks is { Length: > 0 } || required)
            {
                var problem = NameRules.ValidateRacks(racks, "--rack");
                if (problem is not null)
                {
                    result.AddError(problem);
                }
            }
        });
        return option;
    }
}

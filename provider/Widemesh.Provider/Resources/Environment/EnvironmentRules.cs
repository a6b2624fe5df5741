using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Widemesh.Provider.Schema;
using Widemesh.Sdk.Naming;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;
using static Widemesh.Provider.Resources.Environment.EnvironmentSchema;

namespace Widemesh.Provider.Resources.Environment;

/// <summary>The offline rules of an environment configuration, each tied to the attribute (or list element) at fault.</summary>
internal static class EnvironmentRules
{
    public static void Validate(string summary, CtyValue config, ICollection<Tf.Diagnostic> diagnostics)
    {
        if (!config.IsKnown)
        {
            return;
        }

        if (AttributeValues.KnownString(config, Name) is { } name && NameRules.Validate(name, "name") is { } nameProblem)
        {
            diagnostics.Add(ProviderDiagnostics.Error(summary, nameProblem, CtyPath.Attribute(Name)));
        }

        var racks = AttributeValues.KnownStringList(config, Racks);
        if (racks is null)
        {
            return;
        }

        if (racks.Count == 0)
        {
            diagnostics.Add(ProviderDiagnostics.Error(
                summary,
                "racks must list at least one rack; an environment always runs somewhere (the last rack is the primary). Add the name of a rack, such as racks = [\"local\"].",
                CtyPath.Attribute(Racks)));
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < racks.Count; i++)
        {
            var path = CtyPath.Attribute(Racks).WithIndex(i);
            if (racks[i] is not { } rack)
            {
                continue;
            }

            if (NameRules.Validate(rack, $"racks[{i}]") is { } problem)
            {
                diagnostics.Add(ProviderDiagnostics.Error(summary, problem, path));
            }
            else if (!seen.TryAdd(rack, i))
            {
                diagnostics.Add(ProviderDiagnostics.Error(
                    summary,
                    $"racks lists rack \"{rack}\" twice (at index {seen[rack]} and {i}); list each rack once. The order matters: the last rack is the primary.",
                    path));
            }
        }
    }
}

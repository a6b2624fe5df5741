using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Widemesh.Provider.Schema;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Naming;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;
using static Widemesh.Provider.Resources.Rack.RackSchema;

namespace Widemesh.Provider.Resources.Rack;

/// <summary>The offline rules of a rack configuration; unknown values are skipped (checked again at apply-time plan).</summary>
internal static class RackRules
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

        var provider = AttributeValues.KnownString(config, ProviderName);
        if (provider is not null && !RackProviders.All.Contains(provider))
        {
            diagnostics.Add(ProviderDiagnostics.Error(
                summary,
                $"provider '{provider}' is not a rack provider; use one of: {string.Join(", ", RackProviders.All)} (or leave it out for local).",
                CtyPath.Attribute(ProviderName)));
            return;
        }

        if (AttributeValues.IsUnknown(config, ProviderName) || AttributeValues.IsUnknown(config, Region))
        {
            return;
        }

        var region = AttributeValues.KnownString(config, Region);
        if ((provider ?? RackProviders.Local) == RackProviders.Aws && string.IsNullOrEmpty(region))
        {
            diagnostics.Add(ProviderDiagnostics.Error(
                summary,
                "region is required when provider is \"aws\"; set it to the AWS region the rack runs in, such as \"eu-west-1\".",
                CtyPath.Attribute(Region)));
        }
        else if ((provider ?? RackProviders.Local) == RackProviders.Local && region is not null)
        {
            diagnostics.Add(ProviderDiagnostics.Error(
                summary,
                "region is only used by aws racks; a local rack runs on this machine. Remove region, or set provider = \"aws\".",
                CtyPath.Attribute(Region)));
        }
    }
}

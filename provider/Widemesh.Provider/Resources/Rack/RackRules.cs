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

        foreach (var attribute in new[] { ProviderName, RackProvider })
        {
            var value = AttributeValues.KnownString(config, attribute);
            if (value is not null && !RackProviders.All.Contains(value))
            {
                diagnostics.Add(ProviderDiagnostics.Error(
                    summary,
                    $"{attribute} '{value}' is not a rack provider; use one of: {string.Join(", ", RackProviders.All)} (or leave it out for local).",
                    CtyPath.Attribute(attribute)));
                return;
            }
        }

        var both = (AttributeValues.KnownString(config, ProviderName), AttributeValues.KnownString(config, RackProvider));
        if (both is ({ } a, { } b) && a != b)
        {
            diagnostics.Add(ProviderDiagnostics.Error(
                summary,
                $"provider is '{a}' but rack_provider is '{b}'; they are the same setting. Set only rack_provider.",
                CtyPath.Attribute(RackProvider)));
            return;
        }

        var effective = EffectiveProvider(config);
        if (!effective.IsKnown || AttributeValues.IsUnknown(config, Region))
        {
            return;
        }

        var provider = effective.AsString();

        var region = AttributeValues.KnownString(config, Region);
        if (provider == RackProviders.Aws && string.IsNullOrEmpty(region))
        {
            diagnostics.Add(ProviderDiagnostics.Error(
                summary,
                "region is required when rack_provider is \"aws\"; set it to the AWS region the rack runs in, such as \"eu-west-1\".",
                CtyPath.Attribute(Region)));
        }
        else if (provider == RackProviders.Local && region is not null)
        {
            diagnostics.Add(ProviderDiagnostics.Error(
                summary,
                "region is only used by aws racks; a local rack runs on this machine. Remove region, or set rack_provider = \"aws\".",
                CtyPath.Attribute(Region)));
        }
    }

    /// <summary>The provider the rack will have: <c>provider</c>, else <c>rack_provider</c>, else local; unknown while either is.</summary>
    public static CtyValue EffectiveProvider(CtyValue obj)
    {
        if (!obj.IsKnown || AttributeValues.IsUnknown(obj, ProviderName) || AttributeValues.IsUnknown(obj, RackProvider))
        {
            return CtyValue.Unknown(CtyType.String);
        }

        var value = AttributeValues.KnownString(obj, ProviderName) ?? AttributeValues.KnownString(obj, RackProvider) ?? RackProviders.Local;
        return CtyValue.String(value);
    }
}

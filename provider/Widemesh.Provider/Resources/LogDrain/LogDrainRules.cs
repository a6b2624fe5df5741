using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Widemesh.Provider.Schema;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Naming;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;
using static Widemesh.Provider.Resources.LogDrain.LogDrainSchema;

namespace Widemesh.Provider.Resources.LogDrain;

/// <summary>The offline rules of a log drain configuration; unknown values are skipped (checked again at apply-time plan).</summary>
internal static class LogDrainRules
{
    public static void Validate(string summary, CtyValue config, ICollection<Tf.Diagnostic> diagnostics)
    {
        if (!config.IsKnown)
        {
            return;
        }

        if (AttributeValues.KnownString(config, EnvironmentName) is { } environment && NameRules.Validate(environment, "environment") is { } nameProblem)
        {
            diagnostics.Add(ProviderDiagnostics.Error(summary, nameProblem, CtyPath.Attribute(EnvironmentName)));
        }

        if (AttributeValues.KnownString(config, Url) is { } url && DrainUrlRules.Validate(url, "url") is { } urlProblem)
        {
            diagnostics.Add(ProviderDiagnostics.Error(summary, urlProblem, CtyPath.Attribute(Url)));
        }
    }

    /// <summary>
    /// The url to keep in state: the one already there (as written in the configuration) while it means the same
    /// server as the platform's normalized form, so a different spelling (<c>SYSLOG+TCP://Logs…</c>) is no diff.
    /// </summary>
    public static string StateUrl(string? current, string remote) =>
        current is not null && DrainUrlRules.TryNormalize(current) == remote ? current : remote;
}

using System.Text;
using Widemesh.Platform.Logs;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Racks.Local;

/// <summary>A stack or a service as the local runtime runs it.</summary>
internal sealed record LocalComponent(
    LogSourceKind Kind,
    string Name,
    string Command,
    int Instances,
    int? Port,
    int? PublicPort,
    IReadOnlyDictionary<string, string> Environment,
    HealthCheckSpec? HealthCheck)
{
    public string KindName => Kind == LogSourceKind.Stack ? "stack" : "service";

    public static LocalComponent From(StackSpec stack) =>
        new(LogSourceKind.Stack, stack.Name, stack.Command, stack.Instances, stack.Port, stack.PublicPort, stack.Environment, stack.HealthCheck);

    public static LocalComponent From(ServiceSpec service) =>
        new(LogSourceKind.Service, service.Name, service.Command, 1, service.Port, null, service.Environment, null);

    /// <summary>Everything that makes running instances out of date when it changes (the instance count does not).</summary>
    public string Fingerprint(string? releaseId)
    {
        var text = new StringBuilder();
        text.Append(Kind).Append('\n').Append(Command).Append('\n').Append(Port).Append('\n').Append(releaseId).Append('\n')
            .Append(HealthCheck).Append('\n');
        foreach (var (name, value) in Environment.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('=').Append(value).Append('\n');
        }

        return text.ToString();
    }
}

using System.Net;

namespace Widemesh.Platform.Racks.Local;

/// <summary>One ingress listener per stack with a public port, following the spec.</summary>
internal sealed partial class LocalEnvironmentRun
{
    private async Task ConvergeIngressAsync(LocalEnvironmentSpec spec, CancellationToken cancellationToken)
    {
        var wanted = spec.Stacks
            .Where(s => s.PublicPort is not null && s.Port is not null && _ingressAddress is not null)
            .ToDictionary(s => s.Name, s => new IPEndPoint(_ingressAddress!, s.PublicPort!.Value), StringComparer.Ordinal);
        foreach (var (name, listener) in _ingress.ToList())
        {
            if (!wanted.TryGetValue(name, out var endPoint) || !endPoint.Equals(listener.EndPoint))
            {
                await listener.DisposeAsync();
                _ingress.TryRemove(name, out _);
            }
        }

        foreach (var (name, endPoint) in wanted)
        {
            if (!_ingress.ContainsKey(name))
            {
                _ingress[name] = new IngressListener(_context, endPoint, () => Serving(name));
            }
        }
    }

    private IReadOnlyList<LocalInstance> Serving(string name)
    {
        if (!_instances.TryGetValue(name, out var instances))
        {
            return [];
        }

        lock (instances)
        {
            return [.. instances];
        }
    }
}

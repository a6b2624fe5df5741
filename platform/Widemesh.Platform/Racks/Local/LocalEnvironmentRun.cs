using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Racks.Local;

/// <summary>
/// One environment on one local rack: its namespace, hosts file, release directory, instances and ingress
/// listeners. <see cref="ConvergeAsync"/> brings them to a spec; <see cref="RemoveAsync"/> frees all of it.
/// Addresses: component K (1–254, kept while the component exists, in the order components first appeared) and
/// instance I get <c>127.42.K.I</c>; the hosts file maps each component's name to <c>127.42.K.1</c> and
/// <c>name.I</c> to each instance.
/// </summary>
internal sealed partial class LocalEnvironmentRun : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly LocalEnvironmentContext _context;
    private readonly string _directory;
    private readonly string _dataDirectory;
    private readonly IPAddress? _ingressAddress;
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fingerprints = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<LocalInstance>> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IngressListener> _ingress = new(StringComparer.Ordinal);
    private readonly SocketsHttpHandler _healthHandler;
    private string? _releaseId;
    private string? _problem;
    private bool _prepared;

    public LocalEnvironmentRun(StoredRack rack, LocalEnvironmentSpec spec, string? namespaceName, string directory, LocalRuntimeServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _dataDirectory = services.DataDirectory;
        ArgumentNullException.ThrowIfNull(rack);
        ArgumentNullException.ThrowIfNull(spec);
        Rack = rack;
        _directory = directory;
        _ingressAddress = IPAddress.TryParse(rack.IngressAddress, out var ingress) ? ingress : null;
        var sockets = services.Sockets;
        _healthHandler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectCallback = async (connect, cancellationToken) =>
            {
                var socket = await sockets.CreateAsync(namespaceName, cancellationToken);
                try
                {
                    await socket.ConnectAsync(IPAddress.Parse(connect.DnsEndPoint.Host), connect.DnsEndPoint.Port, cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _context = new LocalEnvironmentContext(
            spec.Id, spec.Name, rack.Name, namespaceName, Path.Combine(directory, "pids"),
            services.Logs, sockets, new HttpClient(_healthHandler, disposeHandler: false), services.Settings, services.Time, services.Logger);
    }

    public StoredRack Rack { get; }

    public string? Namespace => _context.Namespace;

    public string Directory => _directory;

    /// <summary>Starts, stops and restarts instances until they match <paramref name="spec"/>.</summary>
    public async Task ConvergeAsync(LocalEnvironmentSpec spec, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_prepared)
            {
                await PrepareAsync(cancellationToken);
                _prepared = true;
            }

            var components = spec.Components.ToDictionary(c => c.Name, StringComparer.Ordinal);
            var releaseChanged = spec.ReleaseId != _releaseId;

            // Out of date: gone, changed, or the release changed.
            var stale = _instances.Keys.Where(name => !components.TryGetValue(name, out var c) || releaseChanged || c.Fingerprint(spec.ReleaseId) != _fingerprints[name]).ToList();
            await Task.WhenAll(stale.SelectMany(name => _instances[name]).Select(i => i.StopAsync(CancellationToken.None)));
            foreach (var name in stale)
            {
                _instances.TryRemove(name, out _);
                _fingerprints.Remove(name);
            }

            foreach (var name in _slots.Keys.Where(n => !components.ContainsKey(n)).ToList())
            {
                _slots.Remove(name);
            }

            var workingDirectory = await PrepareReleaseAsync(spec, cancellationToken);
            foreach (var component in spec.Components)
            {
                if (!_slots.ContainsKey(component.Name))
                {
                    _slots[component.Name] = Enumerable.Range(1, 254).First(k => !_slots.ContainsValue(k));
                }
            }

            if (_context.Namespace is { } namespaceName)
            {
                var names = spec.Components.SelectMany(c => Enumerable.Range(1, Math.Max(1, c.Instances))
                    .Select(i => KeyValuePair.Create(i == 1 ? $"{c.Name} {c.Name}.1" : $"{c.Name}.{i.ToString(CultureInfo.InvariantCulture)}", Address(c.Name, i))));
                await NetworkNamespaces.WriteHostsAsync(namespaceName, names, cancellationToken);
            }

            foreach (var component in spec.Components)
            {
                if (!_instances.TryGetValue(component.Name, out var running))
                {
                    running = [];
                    _instances[component.Name] = running;
                    _fingerprints[component.Name] = component.Fingerprint(spec.ReleaseId);
                }

                var surplus = running.Where(i => i.Index > component.Instances).ToList();
                await Task.WhenAll(surplus.Select(i => i.StopAsync(CancellationToken.None)));
                lock (running)
                {
                    running.RemoveAll(surplus.Contains);
                }

                for (var index = running.Count + 1; index <= component.Instances; index++)
                {
                    var instance = new LocalInstance(_context, component, index, Address(component.Name, index), workingDirectory);
                    lock (running)
                    {
                        running.Add(instance);
                    }

                    instance.Start();
                }
            }

            await ConvergeIngressAsync(spec, cancellationToken);
            DeleteOldReleases();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops everything and deletes the namespace, its hosts file and the environment's directory.</summary>
    public async Task RemoveAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await StopAllAsync(CancellationToken.None);
            if (_context.Namespace is { } name)
            {
                await NetworkNamespaces.DeleteAsync(name, cancellationToken);
            }

            LocalProcesses.KillRecorded(_directory);
            if (System.IO.Directory.Exists(_directory))
            {
                System.IO.Directory.Delete(_directory, recursive: true);
            }

            LocalRuntimeLog.EnvironmentRemoved(_context.Logger, _context.EnvironmentName, Rack.Name, _context.Namespace ?? "(none)", _directory);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the instances (meshd is shutting down) and leaves the rest for the next start to clean.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAllAsync(CancellationToken.None);
        _context.Health.Dispose();
        _healthHandler.Dispose();
    }

    public IReadOnlyList<InstanceInfo> ListInstances()
    {
        var result = new List<InstanceInfo>();
        foreach (var (name, instances) in _instances.ToList())
        {
            var ingressProblem = _ingress.TryGetValue(name, out var listener) ? listener.Problem : null;
            lock (instances)
            {
                result.AddRange(instances.Select(i => i.Snapshot(ingressProblem ?? _problem)));
            }
        }

        return [.. result.OrderBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Index)];
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        LocalProcesses.KillRecorded(_directory);
        if (_context.Namespace is { } name)
        {
            await NetworkNamespaces.DeleteAsync(name, cancellationToken);
            var created = await NetworkNamespaces.CreateAsync(name, _dataDirectory, cancellationToken);
            if (!created.Succeeded)
            {
                throw new LocalRuntimeException($"could not create network namespace {name}: {created.Error}");
            }
        }

        if (System.IO.Directory.Exists(_directory))
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(_directory);
    }

    private async Task StopAllAsync(CancellationToken cancellationToken)
    {
        foreach (var listener in _ingress.Values)
        {
            await listener.DisposeAsync();
        }

        _ingress.Clear();
        await Task.WhenAll(_instances.Values.SelectMany(i => i).Select(i => i.StopAsync(cancellationToken)));
        _instances.Clear();
        _fingerprints.Clear();
    }

    private string Address(string component, int index) =>
        _context.Namespace is null
            ? "127.0.0.1"
            : string.Create(CultureInfo.InvariantCulture, $"127.42.{_slots[component]}.{index}");
}

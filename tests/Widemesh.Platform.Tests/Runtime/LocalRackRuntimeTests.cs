using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Widemesh.Platform.Configuration;
using Widemesh.Platform.Logs;
using Widemesh.Platform.Racks.Local;
using Widemesh.Platform.Releases;
using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Runtime;

/// <summary>The local runtime in-process, with real namespaces and real processes (needs root).</summary>
public sealed class LocalRackRuntimeTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "widemesh-runtime-" + Guid.NewGuid().ToString("N")[..10]);
    private LogStore? _logs;
    private LocalRackRuntime? _runtime;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_runtime is not null)
        {
            await _runtime.DisposeAsync();
        }

        if (_logs is not null)
        {
            await _logs.DisposeAsync();
        }

        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task A_stack_and_a_service_run_reach_each_other_by_name_and_answer_on_the_ingress()
    {
        var runtime = await CreateSutAsync(Ct);
        var rack = RuntimeSome.Rack();
        var publicPort = RuntimeSome.Port();
        var spec = RuntimeSome.Spec(
            [new StackSpec { Name = "web", Command = "exec python3 -m http.server --bind $HOST $PORT", Port = 8080, PublicPort = publicPort, HealthCheck = new HealthCheckSpec { Path = "/" } }],
            [new ServiceSpec { Name = "kv", Command = "exec python3 -m http.server --bind $HOST $PORT", Port = 7000 }]);

        await runtime.PlaceAsync(rack, spec, Ct);
        await RuntimeWait.UntilAsync(() => runtime.ListInstances(rack, RuntimeSome.Stored(spec)).All(i => i.State is "healthy" or "running"), "instances healthy", Ct);
        var ns = runtime.Layout.NamespaceName(spec.Name, rack.Name);
        var byName = await RuntimeShell.InNamespaceAsync(ns, "python3 -c \"import urllib.request;print(urllib.request.urlopen('http://kv:7000/').status)\"", Ct);
        using var http = new HttpClient();
        var ingress = await http.GetAsync(new Uri($"http://{rack.IngressAddress}:{publicPort}/"), Ct);

        Assert.Equal("200", byName.Output.Trim());
        Assert.Equal(HttpStatusCode.OK, ingress.StatusCode);
    }

    private async Task<LocalRackRuntime> CreateSutAsync(CancellationToken cancellationToken)
    {
        RuntimeRequirements.SkipUnlessNamespaces();
        Directory.CreateDirectory(_data);
        _logs = new LogStore(new LogStoreOptions { Directory = Path.Combine(_data, "logs") }, TimeProvider.System, NullLogger<LogStore>.Instance);
        var options = new PlatformOptions(_data, new Uri("http://127.0.0.1:1"), "widemesh.internal");
        _runtime = new LocalRackRuntime(options, new LogIngestor(_logs), new ReleaseStore(options), TimeProvider.System, NullLogger<LocalRackRuntime>.Instance);
        Assert.True(await _runtime.StartAsync([], cancellationToken));
        return _runtime;
    }
}

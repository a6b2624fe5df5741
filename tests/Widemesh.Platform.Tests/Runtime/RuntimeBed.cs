using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Widemesh.Platform.Racks.Local;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

namespace Widemesh.Platform.Tests.Runtime;

/// <summary>
/// A real meshd (temp data directory, root, network namespaces) and the helpers the runtime tests share:
/// racks with an ingress address no other test uses, waiting for instances, reading logs, looking at the machine.
/// </summary>
internal sealed class RuntimeBed : IAsyncDisposable
{
    private RuntimeBed(MeshdProcess meshd)
    {
        Meshd = meshd;
        Client = meshd.CreateClient();
        Layout = new LocalRackLayout(meshd.DataDirectory);
    }

    public MeshdProcess Meshd { get; }

    public WidemeshClient Client { get; private set; }

    public LocalRackLayout Layout { get; }

    public static Task<RuntimeBed> StartAsync(CancellationToken cancellationToken) => StartAsync([], cancellationToken);

    /// <summary>Starts meshd with more <paramref name="arguments"/> (such as <c>--isolation none</c>).</summary>
    public static async Task<RuntimeBed> StartAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool dns = false)
    {
        RuntimeRequirements.SkipUnlessNamespaces();
        var meshd = await MeshdProcess.StartAsync(new MeshdOptions { ExtraArguments = arguments, Dns = dns }, cancellationToken);
        return new RuntimeBed(meshd);
    }

    /// <summary>A local rack whose ingress address (127.0.200-249.x) no meshd picks by itself.</summary>
    public async Task<Rack> NewRackAsync(CancellationToken cancellationToken)
    {
        var address = $"127.0.{RandomNumberGenerator.GetInt32(200, 250)}.{RandomNumberGenerator.GetInt32(1, 255)}";
        return await Client.CreateRackAsync(new CreateRackRequest { Name = RuntimeSome.Name("rack"), IngressAddress = address }, cancellationToken);
    }

    public async Task<EnvironmentInfo> CreateAsync(
        string[] racks, IReadOnlyList<StackSpec> stacks, IReadOnlyList<ServiceSpec>? services, CancellationToken cancellationToken, string? name = null) =>
        await Client.CreateEnvironmentAsync(
            new CreateEnvironmentRequest { Name = name ?? RuntimeSome.Name("env"), Racks = racks, Stacks = stacks, Services = services ?? [] },
            cancellationToken);

    public string Namespace(string environment, string rack) => Layout.NamespaceName(environment, rack);

    /// <summary>Waits until every listed instance (at least <paramref name="count"/>) is healthy or running.</summary>
    public async Task<IReadOnlyList<InstanceInfo>> WaitServingAsync(string environment, int count, CancellationToken cancellationToken)
    {
        IReadOnlyList<InstanceInfo> instances = [];
        await RuntimeWait.UntilAsync(
            async () =>
            {
                instances = await Client.ListInstancesAsync(environment, cancellationToken);
                return instances.Count >= count && instances.All(i => i.State is "healthy" or "running");
            },
            $"{count} serving instances of {environment}",
            () => Describe(instances) + "\nmeshd:\n" + Meshd.Output,
            TimeSpan.FromSeconds(30),
            cancellationToken);
        return instances;
    }

    public async Task<IReadOnlyList<InstanceInfo>> WaitInstancesAsync(string environment, Func<IReadOnlyList<InstanceInfo>, bool> condition, string what, CancellationToken cancellationToken)
    {
        IReadOnlyList<InstanceInfo> instances = [];
        await RuntimeWait.UntilAsync(
            async () =>
            {
                instances = await Client.ListInstancesAsync(environment, cancellationToken);
                return condition(instances);
            },
            what,
            () => Describe(instances),
            TimeSpan.FromSeconds(30),
            cancellationToken);
        return instances;
    }

    /// <summary>The environment's log entries of the last minutes, as NDJSON lines.</summary>
    public async Task<string[]> LogsAsync(string environment, string query, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Meshd.Endpoint };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Meshd.AdminToken);
        var body = await http.GetStringAsync(new Uri($"/v1/environments/{environment}/logs?{query}", UriKind.Relative), cancellationToken);
        return body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Kills meshd alone with SIGKILL (its instances live on, as after a crash) and starts it again.</summary>
    public async Task CrashAndRestartAsync(CancellationToken cancellationToken)
    {
        var pid = Meshd.ProcessId ?? throw new InvalidOperationException("meshd is not running.");
        using (var kill = Process.Start("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        await RuntimeWait.UntilAsync(() => !Directory.Exists($"/proc/{pid}"), "meshd to die", cancellationToken);
        await Meshd.RestartAsync(cancellationToken);
        Client.Dispose();
        Client = Meshd.CreateClient();
    }

    public static bool Alive(int pid) => File.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat")
        && !File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat").Contains(") Z ", StringComparison.Ordinal);

    public static string Describe(IReadOnlyList<InstanceInfo> instances)
    {
        var text = new StringBuilder("instances:");
        foreach (var i in instances)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {i.Rack}/{i.Id} {i.State} pid={i.Pid} restarts={i.Restarts} exit={i.LastExitCode} addr={i.Address} msg={i.Message}");
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Meshd.StopAsync();
        await Meshd.DisposeAsync();
    }
}

using Widemesh.Cli.Commands;
using Widemesh.Cli.Tests.Support;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Contracts.Logs;

namespace Widemesh.Cli.Tests.Commands.Logs;

/// <summary>An account with racks <c>r1</c> and <c>r2</c> and environments on them, whose logs a test fills through the real API.</summary>
internal sealed class LogsTestBed(MeshCli mesh, WidemeshClient client, IReadOnlyList<string> environments)
{
    public MeshCli Mesh { get; } = mesh;

    public WidemeshClient Client { get; } = client;

    public IReadOnlyList<string> Environments { get; } = environments;

    public string Environment => Environments[0];

    public static async Task<LogsTestBed> CreateAsync(MeshdFixture fixture, int environments, CancellationToken cancellationToken)
    {
        var mesh = await MeshCli.CreateAsync(fixture, cancellationToken);
        return await CreateAsync(mesh, mesh.CreateClient(), environments, cancellationToken);
    }

    public static async Task<LogsTestBed> CreateAsync(MeshCli mesh, WidemeshClient client, int environments, CancellationToken cancellationToken)
    {
        await client.CreateRackAsync(new CreateRackRequest { Name = "r1" }, cancellationToken);
        await client.CreateRackAsync(new CreateRackRequest { Name = "r2" }, cancellationToken);
        var names = new List<string>();
        for (var i = 0; i < environments; i++)
        {
            var name = Some.Name();
            await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["r1", "r2"] }, cancellationToken);
            names.Add(name);
        }

        return new LogsTestBed(mesh, client, names);
    }

    /// <summary>Sends <paramref name="entries"/> to the first environment as one batch.</summary>
    public Task<LogIngestResult> IngestAsync(CancellationToken cancellationToken, params LogIngestEntry[] entries) =>
        Client.IngestLogsAsync(Environment, entries, cancellationToken);

    public static LogIngestEntry Line(string message, string rack = "r1", string stack = "web", string instance = "web-1") =>
        new() { Stack = stack, Instance = instance, Rack = rack, Message = message };

    /// <summary>Starts mesh in this process with writers the test can read while it runs.</summary>
    public Task<int> StartAsync(string[] args, LineCollector output, LineCollector error, CancellationToken cancellationToken)
    {
        var context = new CliContext
        {
            Out = output,
            Error = error,
            GetVariable = name => Mesh.Variables.GetValueOrDefault(name),
            HomeDirectory = Mesh.Home,
            CurrentDirectory = Mesh.Home,
        };
        return Task.Run(() => MeshCommand.InvokeAsync(args, context, cancellationToken), cancellationToken);
    }
}

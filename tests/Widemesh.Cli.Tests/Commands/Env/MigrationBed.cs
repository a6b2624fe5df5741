using Widemesh.Cli.Tests.Support;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

namespace Widemesh.Cli.Tests.Commands.Env;

/// <summary>
/// One migration test's world on <see cref="EnvMigrateMeshdFixture"/>: its own account, racks <see cref="Old"/> and
/// <see cref="New"/>, and an environment on <see cref="Old"/> created through the workspace (as migrate needs).
/// </summary>
internal sealed record MigrationBed(MeshCli Mesh, MeshdProcess Meshd, string Token, string Environment, Sdk.Contracts.Rack Old, Sdk.Contracts.Rack New, string[] Resolvers)
{
    public static async Task<MigrationBed> CreateAsync(MeshdFixture shared, EnvMigrateMeshdFixture fixture, CancellationToken cancellationToken)
    {
        if (fixture.Unbound is null)
        {
            Assert.Skip(fixture.SkipReason ?? "Unbound could not be started.");
        }

        var mesh = await MeshCli.CreateAsync(shared, cancellationToken);
        mesh.Variables["WIDEMESH_ENDPOINT"] = fixture.Meshd.Endpoint.ToString();
        var token = await fixture.CreateAccountTokenAsync(cancellationToken);
        mesh.Variables["WIDEMESH_TOKEN"] = token;
        using var client = fixture.Meshd.CreateClient(token);
        var old = await client.CreateRackAsync(new CreateRackRequest { Name = "old" }, cancellationToken);
        var next = await client.CreateRackAsync(new CreateRackRequest { Name = "new" }, cancellationToken);
        var environment = Some.Name();
        await mesh.RunExpectingAsync(0, ["env", "create", environment, "--rack", "old"], cancellationToken);
        return new MigrationBed(mesh, fixture.Meshd, token, environment, old, next, [fixture.Meshd.DnsEndPoint!.ToString(), fixture.Unbound.ToString()]);
    }

    /// <summary>A platform client with the test account's token, on this bed's meshd.</summary>
    public WidemeshClient CreateClient() => Meshd.CreateClient(Token);

    /// <summary><c>--resolver</c> for each of <see cref="Resolvers"/>.</summary>
    public string[] ResolverArguments => [.. Resolvers.SelectMany(r => new[] { "--resolver", r })];

    public async Task<IReadOnlyList<string>> RacksAsync(CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        return (await client.GetEnvironmentAsync(Environment, cancellationToken))!.Racks;
    }

    public async Task<MigrationInfo?> MigrationAsync(CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        return await client.GetMigrationAsync(Environment, cancellationToken);
    }
}

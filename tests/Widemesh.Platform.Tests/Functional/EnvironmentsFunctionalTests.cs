using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Functional;

/// <summary>The API functional lane: the same Program in-process through WebApplicationFactory.</summary>
public sealed class EnvironmentsFunctionalTests : IAsyncLifetime
{
    private readonly MeshdApplicationFactory _factory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Create_move_and_delete_work_in_process()
    {
        using var client = _factory.CreateWidemeshClient();
        await client.CreateRackAsync(new CreateRackRequest { Name = "old" }, Ct);
        await client.CreateRackAsync(new CreateRackRequest { Name = "new" }, Ct);

        var created = await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = "shop", Racks = ["old"] }, Ct);
        var moved = await client.UpdateEnvironmentAsync("shop", new UpdateEnvironmentRequest { Racks = ["old", "new"] }, created.Version, Ct);
        await client.DeleteEnvironmentAsync("shop", moved.Version, Ct);

        Assert.Equal("new", moved.PrimaryRack);
        Assert.Empty(await client.ListEnvironmentsAsync(Ct));
    }
}

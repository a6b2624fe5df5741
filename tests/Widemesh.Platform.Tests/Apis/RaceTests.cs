using Widemesh.Platform.Tests.Support;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Apis;

public sealed class RaceTests(MeshdFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fifty_concurrent_creates_of_one_name_from_two_accounts_have_exactly_one_winner()
    {
        using var first = await fixture.NewAccountAsync(Ct);
        using var second = await fixture.NewAccountAsync(Ct);
        await first.Client.CreateRackAsync(new CreateRackRequest { Name = "r" }, Ct);
        await second.Client.CreateRackAsync(new CreateRackRequest { Name = "r" }, Ct);
        var name = Some.Name("contested");
        using var start = new SemaphoreSlim(0);

        var attempts = Enumerable.Range(0, 50).Select(async i =>
        {
            await start.WaitAsync(Ct);
            var client = (i % 2 == 0 ? first : second).Client;
            try
            {
                await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = ["r"] }, Ct);
                return "created";
            }
            catch (WidemeshConflictException conflict) when (conflict.IsNameTaken)
            {
                return "taken";
            }
        }).ToList();
        start.Release(50);
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o == "created"));
        Assert.Equal(49, outcomes.Count(o => o == "taken"));
        var owners = (await first.Client.ListEnvironmentsAsync(Ct)).Count(e => e.Name == name)
            + (await second.Client.ListEnvironmentsAsync(Ct)).Count(e => e.Name == name);
        Assert.Equal(1, owners);
    }
}

using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Commands.Env;

/// <summary><c>mesh env update</c> refuses to drop a rack DNS may still send traffic to, unless <c>--force</c> (issue 6).</summary>
public sealed class EnvUpdatePropagationTests(MeshdFixture shared, EnvMigrateMeshdFixture fixture) : IClassFixture<EnvMigrateMeshdFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dropping_the_rack_dns_points_at_is_refused_unless_forced()
    {
        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);

        var refused = await bed.Mesh.RunExpectingAsync(6, ["env", "update", bed.Environment, "--rack", "new"], Ct);
        var racksAfterRefusal = await bed.RacksAsync(Ct);
        var forced = await bed.Mesh.RunExpectingAsync(0, ["env", "update", bed.Environment, "--rack", "new", "--force"], Ct);

        Assert.Contains("would take it off rack 'old', where DNS points", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"mesh env migrate {bed.Environment} --to new", refused.Error, StringComparison.Ordinal);
        Assert.Equal(["old"], racksAfterRefusal);
        Assert.Contains("Warning:", forced.Error, StringComparison.Ordinal);
        Assert.Equal(["new"], await bed.RacksAsync(Ct));
    }

    [Fact]
    public async Task Dropping_the_old_rack_while_a_resolver_still_answers_it_is_refused_and_allowed_once_it_has_moved()
    {
        var bed = await MigrationBed.CreateAsync(shared, fixture, Ct);
        using var client = bed.CreateClient();
        var unbound = fixture.Unbound!.ToString();
        await client.GetDnsPropagationAsync(bed.Environment, [unbound], Ct);
        await bed.Mesh.RunExpectingAsync(0, ["env", "update", bed.Environment, "--rack", "old,new"], Ct);

        var refused = await bed.Mesh.RunExpectingAsync(6, ["env", "update", bed.Environment, "--rack", "new", "--resolver", unbound], Ct);
        while (!(await client.GetDnsPropagationAsync(bed.Environment, [unbound], Ct)).Propagated)
        {
            await Task.Delay(200, Ct);
        }

        var allowed = await bed.Mesh.RunExpectingAsync(0, ["env", "update", bed.Environment, "--rack", "new", "--resolver", unbound], Ct);

        Assert.Contains($"DNS has not moved to rack 'new' ({bed.New.IngressAddress}) everywhere yet: {unbound} answers {bed.Old.IngressAddress}", refused.Error, StringComparison.Ordinal);
        Assert.Contains("pass --force", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning:", allowed.Error, StringComparison.Ordinal);
        Assert.Equal(["new"], await bed.RacksAsync(Ct));
    }
}

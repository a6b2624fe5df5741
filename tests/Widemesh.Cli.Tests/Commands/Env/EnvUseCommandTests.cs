using Widemesh.Cli.Tests.Commands.Logs;
using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Commands.Env;

public sealed class EnvUseCommandTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Env_use_makes_logs_read_the_chosen_environment_and_env_still_overrides_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var bed = await LogsTestBed.CreateAsync(fixture, 2, cancellationToken);
        await bed.Client.IngestLogsAsync(bed.Environments[0], [LogsTestBed.Line("from the first")], cancellationToken);
        await bed.Client.IngestLogsAsync(bed.Environments[1], [LogsTestBed.Line("from the second")], cancellationToken);

        var use = await bed.Mesh.RunExpectingAsync(0, ["env", "use", bed.Environments[1], "--json"], cancellationToken);
        var chosen = await bed.Mesh.RunExpectingAsync(0, ["logs", "--no-follow"], cancellationToken);
        var overridden = await bed.Mesh.RunExpectingAsync(0, ["logs", "--no-follow", "--env", bed.Environments[0]], cancellationToken);

        Assert.Equal(bed.Environments[1], (string?)use.Json["environment"]);
        var file = (string)use.Json["configFile"]!;
        Assert.Equal(Path.Combine(bed.Mesh.Home, ".config", "widemesh", "environment"), file);
        Assert.Equal(bed.Environments[1] + "\n", File.ReadAllText(file));
        Assert.EndsWith("from the second\n", chosen.Out, StringComparison.Ordinal);
        Assert.EndsWith("from the first\n", overridden.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_use_refuses_an_unknown_environment_listing_the_account_s_environments()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var bed = await LogsTestBed.CreateAsync(fixture, 1, cancellationToken);

        var result = await bed.Mesh.RunExpectingAsync(5, ["env", "use", "not-there"], cancellationToken);

        Assert.Contains("'not-there'", result.Error, StringComparison.Ordinal);
        Assert.Contains(bed.Environment, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(bed.Mesh.Home, ".config", "widemesh", "environment")));
    }

    [Fact]
    public async Task Logs_refuses_a_chosen_environment_that_was_deleted_since()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var bed = await LogsTestBed.CreateAsync(fixture, 2, cancellationToken);
        await bed.Mesh.RunExpectingAsync(0, ["env", "use", bed.Environments[0]], cancellationToken);
        await bed.Client.DeleteEnvironmentAsync(bed.Environments[0], null, cancellationToken);

        var result = await bed.Mesh.RunExpectingAsync(5, ["logs", "--no-follow"], cancellationToken);

        Assert.Contains("mesh env use", result.Error, StringComparison.Ordinal);
        Assert.Contains(bed.Environments[1], result.Error, StringComparison.Ordinal);
    }
}

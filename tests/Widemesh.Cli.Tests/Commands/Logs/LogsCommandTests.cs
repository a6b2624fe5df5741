using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Commands.Logs;

public sealed partial class LogsCommandTests(MeshdFixture fixture)
{
    [Fact]
    public async Task Logs_no_follow_shows_the_lines_in_order_with_time_rack_source_and_instance()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var bed = await LogsTestBed.CreateAsync(fixture, 1, cancellationToken);
        await bed.IngestAsync(
            cancellationToken,
            LogsTestBed.Line("first"),
            LogsTestBed.Line("second", rack: "r2", stack: "worker", instance: "worker-7"),
            LogsTestBed.Line("third"));

        var result = await bed.Mesh.RunExpectingAsync(0, ["logs", "--env", bed.Environment, "--no-follow", "--since", "5m", "--utc"], cancellationToken);

        var lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Matches(TextLine(), lines[0]);
        // Columns widen as longer names appear (the output streams, so earlier lines are not re-padded).
        Assert.Equal(["r1 web web-1  first", "r2 worker worker-7  second", "r1 web    web-1     third"], lines.Select(l => l[25..]));
        Assert.DoesNotContain('\u001b', result.Out);
        // A young environment whose first line is still kept: nothing was cut, so no "oldest line is …" note (issue 5).
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Logs_json_writes_one_entry_per_line_in_the_api_shape()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var bed = await LogsTestBed.CreateAsync(fixture, 1, cancellationToken);
        var ingested = await bed.IngestAsync(cancellationToken, LogsTestBed.Line("hello \"quoted\" <b>"), LogsTestBed.Line("bye"));

        var result = await bed.Mesh.RunProcessAsync(["logs", "--env", bed.Environment, "--no-follow", "--json"], null, cancellationToken);

        Assert.True(result.ExitCode == 0, result.ToString());
        var entries = result.Out.TrimEnd('\n').Split('\n').Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        Assert.Equal(2, entries.Count);
        var first = entries[0];
        Assert.Equal(ingested.FirstSequence, (long?)first["seq"]);
        Assert.Equal(JsonValueKind.String, first["time"]!.GetValueKind());
        Assert.EndsWith("Z", (string?)first["time"], StringComparison.Ordinal);
        Assert.Equal("r1", (string?)first["rack"]);
        Assert.Equal("web", (string?)first["stack"]);
        Assert.Equal("web-1", (string?)first["instance"]);
        Assert.Equal("stdout", (string?)first["stream"]);
        Assert.Equal("hello \"quoted\" <b>", (string?)first["message"]);
        Assert.Contains("<b>", result.Out, StringComparison.Ordinal);
        Assert.Equal(ingested.LastSequence, (long?)entries[1]["seq"]);
    }

    [Fact]
    public async Task Logs_filters_by_stack_rack_instance_and_text()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var bed = await LogsTestBed.CreateAsync(fixture, 1, cancellationToken);
        await bed.IngestAsync(
            cancellationToken,
            LogsTestBed.Line("web one"),
            LogsTestBed.Line("web two ERROR", rack: "r2", instance: "web-2"),
            LogsTestBed.Line("worker error", stack: "worker", instance: "worker-1"));
        string[] common = ["logs", "--env", bed.Environment, "--no-follow", "--json"];

        async Task<string[]> MessagesAsync(params string[] filters)
        {
            var result = await bed.Mesh.RunExpectingAsync(0, [.. common, .. filters], cancellationToken);
            return [.. result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => (string)JsonNode.Parse(line)!["message"]!)];
        }

        Assert.Equal(["web one", "web two ERROR"], await MessagesAsync("--stack", "web"));
        Assert.Equal(["web two ERROR"], await MessagesAsync("--rack", "r2"));
        Assert.Equal(["worker error"], await MessagesAsync("--instance", "worker-1"));
        Assert.Equal(["web two ERROR", "worker error"], await MessagesAsync("--filter", "error"));
        Assert.Empty(await MessagesAsync("--service", "api"));
    }

    [Fact]
    public async Task Logs_reads_the_only_environment_when_none_is_named()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var bed = await LogsTestBed.CreateAsync(fixture, 1, cancellationToken);
        await bed.IngestAsync(cancellationToken, LogsTestBed.Line("only one"));

        var result = await bed.Mesh.RunExpectingAsync(0, ["logs", "--no-follow"], cancellationToken);

        Assert.EndsWith("only one\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_with_several_environments_and_none_chosen_lists_the_choices()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var bed = await LogsTestBed.CreateAsync(fixture, 2, cancellationToken);

        var result = await bed.Mesh.RunExpectingAsync(2, ["logs", "--no-follow"], cancellationToken);

        Assert.All(bed.Environments, name => Assert.Contains(name, result.Error, StringComparison.Ordinal));
        Assert.Contains("--env", result.Error, StringComparison.Ordinal);
        Assert.Contains("mesh env use", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_refuses_an_unknown_environment_listing_the_account_s_environments()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var bed = await LogsTestBed.CreateAsync(fixture, 1, cancellationToken);

        var result = await bed.Mesh.RunExpectingAsync(5, ["logs", "--env", "no-such-env", "--no-follow", "--json"], cancellationToken);

        Assert.Equal("not-found", (string?)result.Json["error"]!["code"]);
        var message = (string)result.Json["error"]!["message"]!;
        Assert.Contains("'no-such-env'", message, StringComparison.Ordinal);
        Assert.Contains(bed.Environment, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5x")]
    [InlineData("m5")]
    [InlineData("30m1h")]
    public async Task Logs_refuses_a_malformed_since_naming_the_accepted_forms(string since)
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(2, ["logs", "--env", "shop", "--since", since], TestContext.Current.CancellationToken);

        Assert.Contains("--since", result.Error, StringComparison.Ordinal);
        Assert.All(["30s", "15m", "1h", "1h30m"], form => Assert.Contains(form, result.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logs_refuses_utc_and_local_together()
    {
        var mesh = await MeshCli.CreateAsync(fixture, TestContext.Current.CancellationToken);

        var result = await mesh.RunExpectingAsync(2, ["logs", "--utc", "--local"], TestContext.Current.CancellationToken);

        Assert.Contains("--utc and --local", result.Error, StringComparison.Ordinal);
    }

    // https://github.com/widemesh/widemesh/issues/5: the note appeared for a brand-new environment.
    [Fact]
    public async Task Logs_since_1h_on_a_young_environment_says_nothing_about_the_oldest_line()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var bed = await LogsTestBed.CreateAsync(fixture, 1, cancellationToken);
        await bed.IngestAsync(cancellationToken, LogsTestBed.Line("early"));

        var wide = await bed.Mesh.RunExpectingAsync(0, ["logs", "--no-follow", "--since", "1h"], cancellationToken);
        var defaultWindow = await bed.Mesh.RunExpectingAsync(0, ["logs", "--no-follow"], cancellationToken);

        Assert.DoesNotMatch(OldestNote(), wide.Error);
        Assert.Equal(string.Empty, wide.Error);
        Assert.EndsWith("early\n", wide.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, defaultWindow.Error);
    }

    [Fact]
    public async Task Logs_follow_shows_a_line_ingested_after_it_started_and_ctrl_c_ends_it_with_exit_0()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var bed = await LogsTestBed.CreateAsync(fixture, 1, cancellationToken);
        await bed.IngestAsync(cancellationToken, LogsTestBed.Line("before"));
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var output = new LineCollector();
        var error = new LineCollector();

        var run = bed.StartAsync(["logs", "--env", bed.Environment, "--utc"], output, error, interrupt.Token);
        await output.WaitForLinesAsync(1, cancellationToken);
        await bed.IngestAsync(cancellationToken, LogsTestBed.Line("after", rack: "r2"));
        var lines = await output.WaitForLinesAsync(2, cancellationToken);
        await interrupt.CancelAsync();
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);

        Assert.Equal(0, exitCode);
        Assert.EndsWith("before", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^\S+ r2 web web-1  after$", lines[1]);
        Assert.DoesNotContain("Interrupted", error.Text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z r1 web web-1  first$")]
    private static partial Regex TextLine();

    [GeneratedRegex(@"oldest line is \d+ seconds? old")]
    private static partial Regex OldestNote();
}

using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Runtime;

/// <summary>What instances print reaches the log store line by line, tagged and escaped as the store documents.</summary>
public sealed partial class LocalRuntimeTests
{
    [Fact]
    public async Task Output_is_stored_line_by_line_per_stream_with_crlf_stripped_and_invalid_utf8_escaped()
    {
        await using var bed = await RuntimeBed.StartAsync(Ct);
        var rack = await bed.NewRackAsync(Ct);
        var environment = await bed.CreateAsync(
            [rack.Name],
            [],
            [new ServiceSpec { Name = "printer", Command = "printf 'caf\\377 ok\\r\\nsecond line\\n'; echo to-stderr >&2; exec sleep 600" }],
            Ct);

        string[] logs = [];
        await RuntimeWait.UntilAsync(async () => (logs = await bed.LogsAsync(environment.Name, "since=5m", Ct)).Length >= 3, "three lines", Ct);

        // The two streams are read separately, so only the order within one stream is certain.
        var stdout = logs.Where(l => l.Contains("\"stream\":\"stdout\"", StringComparison.Ordinal)).ToArray();
        var stderr = logs.Where(l => l.Contains("\"stream\":\"stderr\"", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, logs.Length);
        Assert.Equal(2, stdout.Length);
        Assert.Contains("\"message\":\"caf\\\\xff ok\"", stdout[0], StringComparison.Ordinal);
        Assert.Contains("\"message\":\"second line\"", stdout[1], StringComparison.Ordinal);
        Assert.Contains("\"message\":\"to-stderr\"", Assert.Single(stderr), StringComparison.Ordinal);
        Assert.All(logs, l => Assert.Contains("\"service\":\"printer\"", l, StringComparison.Ordinal));
        Assert.All(logs, l => Assert.Contains("\"instance\":\"printer.1\"", l, StringComparison.Ordinal));
    }
}

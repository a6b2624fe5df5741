using Widemesh.Platform.Drains;

namespace Widemesh.Platform.Tests.Drains;

public sealed class DrainEndpointTests
{
    [Theory]
    [InlineData("syslog+tcp://logs.example.com:514", "logs.example.com", 514, false, "syslog+tcp://logs.example.com:514")]
    [InlineData("SYSLOG+TLS://Logs.Example.com:6514/", "logs.example.com", 6514, true, "syslog+tls://logs.example.com:6514")]
    [InlineData("syslog+tcp://127.0.0.1:1514", "127.0.0.1", 1514, false, "syslog+tcp://127.0.0.1:1514")]
    [InlineData("syslog+tcp://[::1]:514", "::1", 514, false, "syslog+tcp://[::1]:514")]
    public void Valid_urls_give_host_port_and_tls(string url, string host, int port, bool tls, string normalized)
    {
        var endpoint = DrainEndpoint.TryParse(url, out var problem);

        Assert.Null(problem);
        Assert.Equal(new DrainEndpoint(host, port, tls), endpoint);
        Assert.Equal(normalized, endpoint!.ToUrl());
    }

    [Theory]
    [InlineData("syslog+udp://logs.example.com:514", "syslog+udp")]
    [InlineData("syslog+tcp://user@logs.example.com:514", "without user")]
    [InlineData("syslog+tcp://logs.example.com:0", "1 to 65535")]
    [InlineData("syslog+tcp://logs.example.com:http", "port 'http'")]
    [InlineData("syslog+tls://logs.example.com", ":6514")]
    public void Invalid_urls_say_what_is_wrong(string url, string expected)
    {
        var endpoint = DrainEndpoint.TryParse(url, out var problem);

        Assert.Null(endpoint);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}

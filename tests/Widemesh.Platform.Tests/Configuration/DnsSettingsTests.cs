using System.Net;
using Widemesh.Platform.Configuration;

namespace Widemesh.Platform.Tests.Configuration;

public sealed class DnsSettingsTests
{
    [Fact]
    public void Without_settings_dns_answers_on_loopback_5353_with_a_60_second_ttl()
    {
        var result = PlatformOptionsParser.Parse(["--data-dir", "/a"], _ => null);

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 5353), result.Options!.DnsListen);
        Assert.Equal(TimeSpan.FromSeconds(60), result.Options.DnsTtl);
    }

    [Fact]
    public void Arguments_win_over_variables_and_off_turns_dns_off()
    {
        var variables = new Dictionary<string, string> { ["MESHD_DNS_LISTEN"] = "127.0.0.1:53", ["MESHD_DNS_TTL"] = "5m" };

        var fromVariables = PlatformOptionsParser.Parse(["--data-dir", "/a"], variables.GetValueOrDefault);
        var fromArguments = PlatformOptionsParser.Parse(["--data-dir", "/a", "--dns-listen", "off", "--dns-ttl", "30"], variables.GetValueOrDefault);

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 53), fromVariables.Options!.DnsListen);
        Assert.Equal(TimeSpan.FromMinutes(5), fromVariables.Options.DnsTtl);
        Assert.Null(fromArguments.Options!.DnsListen);
        Assert.Equal(TimeSpan.FromSeconds(30), fromArguments.Options.DnsTtl);
    }

    [Theory]
    [InlineData("--dns-listen", "localhost:53", "--dns-listen 'localhost:53' is not an address and port")]
    [InlineData("--dns-listen", "127.0.0.1", "--dns-listen '127.0.0.1' is not an address and port")]
    [InlineData("--dns-ttl", "0", "--dns-ttl '0' is out of range")]
    [InlineData("--dns-ttl", "2d", "--dns-ttl:")]
    public void Bad_dns_settings_are_refused_with_the_fix(string name, string value, string message)
    {
        var result = PlatformOptionsParser.Parse(["--data-dir", "/a", name, value], _ => null);

        Assert.Null(result.Options);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}

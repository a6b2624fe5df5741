using System.Net;
using System.Runtime.Versioning;
using Widemesh.Platform.Configuration;
using Widemesh.Testing.Dns;

namespace Widemesh.Platform.Tests.Configuration;

/// <summary><c>--dns-update</c>, <c>--dns-update-zone</c> and <c>--dns-tsig-key</c>, with real key files in a temp directory.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class DnsUpdateSettingsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("widemesh-tsig-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_private_key_file_turns_updates_on_for_the_zone_by_default()
    {
        var secret = BindServer.NewSecret();
        var file = await BindServer.WriteKeyFileAsync(Path.Combine(_directory, "meshd.key"), "meshd-key", secret, TestContext.Current.CancellationToken);

        var result = PlatformOptionsParser.Parse(["--data-dir", "/a", "--zone", "apps.example", "--dns-update", "127.0.0.1:5300", "--dns-tsig-key", file], _ => null);

        var update = result.Options!.DnsUpdate!;
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 5300), update.Server);
        Assert.Equal("apps.example", update.Zone);
        Assert.Equal("meshd-key", update.Key.Name);
        Assert.Equal(Convert.FromBase64String(secret), update.Key.Secret.ToArray());
        Assert.DoesNotContain(secret, result.Options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variables_set_the_server_a_parent_zone_and_the_key()
    {
        var file = await BindServer.WriteKeyFileAsync(Path.Combine(_directory, "meshd.key"), "k", BindServer.NewSecret(), TestContext.Current.CancellationToken);
        var variables = new Dictionary<string, string> { ["MESHD_DNS_UPDATE"] = "127.0.0.1", ["MESHD_DNS_UPDATE_ZONE"] = "example.", ["MESHD_DNS_TSIG_KEY"] = file };

        var result = PlatformOptionsParser.Parse(["--data-dir", "/a", "--zone", "apps.example"], variables.GetValueOrDefault);

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 53), result.Options!.DnsUpdate!.Server);
        Assert.Equal("example", result.Options.DnsUpdate.Zone);
    }

    [Fact]
    public async Task A_key_file_others_can_read_is_refused_without_showing_the_secret()
    {
        var secret = BindServer.NewSecret();
        var file = await BindServer.WriteKeyFileAsync(Path.Combine(_directory, "open.key"), "k", secret, TestContext.Current.CancellationToken);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = PlatformOptionsParser.Parse(["--data-dir", "/a", "--dns-update", "127.0.0.1:53", "--dns-tsig-key", file], _ => null);

        Assert.Null(result.Options);
        Assert.Contains($"chmod 600 {file}", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_holding_a_double_slash_and_comments_around_the_key_are_read()
    {
        var secret = Convert.ToBase64String([.. Enumerable.Repeat((byte)0xff, 30)]);
        var file = Path.Combine(_directory, "slashes.key");
        await File.WriteAllTextAsync(file, $"# made by hand\nkey \"k\" {{ // the key\n algorithm hmac-sha512; /* strong */ secret \"{secret}\"; }};\n", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = PlatformOptionsParser.Parse(["--data-dir", "/a", "--dns-update", "127.0.0.1:53", "--dns-tsig-key", file], _ => null);

        Assert.Contains("//", secret, StringComparison.Ordinal);
        Assert.Equal(Convert.FromBase64String(secret), result.Options!.DnsUpdate!.Key.Secret.ToArray());
        Assert.Equal("hmac-sha512", result.Options.DnsUpdate.Key.AlgorithmName);
    }

    [Theory]
    [InlineData("not a key file", "is not a BIND key file")]
    [InlineData("key \"k\" { algorithm hmac-sha999; secret \"c2VjcmV0\"; };", "algorithm 'hmac-sha999', which meshd does not support")]
    [InlineData("key \"k\" { algorithm hmac-sha256; secret \"***\"; };", "has no valid secret")]
    public async Task A_malformed_key_file_is_refused_with_the_fix(string content, string message)
    {
        var file = Path.Combine(_directory, "bad.key");
        await File.WriteAllTextAsync(file, content, TestContext.Current.CancellationToken);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = PlatformOptionsParser.Parse(["--data-dir", "/a", "--dns-update", "127.0.0.1:53", "--dns-tsig-key", file], _ => null);

        Assert.Null(result.Options);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--dns-update", "127.0.0.1:53" }, "--dns-update needs --dns-tsig-key FILE")]
    [InlineData(new[] { "--dns-tsig-key", "/k" }, "only apply with --dns-update")]
    [InlineData(new[] { "--dns-update", "ns.example:53", "--dns-tsig-key", "/k" }, "--dns-update 'ns.example:53' is not an IP address")]
    [InlineData(new[] { "--dns-update", "127.0.0.1", "--dns-update-zone", "other.test", "--dns-tsig-key", "/k" }, "does not contain the environments' zone")]
    [InlineData(new[] { "--dns-update", "127.0.0.1", "--dns-tsig-key", "/no/such.key" }, "--dns-tsig-key '/no/such.key' does not exist")]
    public void Bad_update_settings_are_refused_with_the_fix(string[] arguments, string message)
    {
        var result = PlatformOptionsParser.Parse(["--data-dir", "/a", .. arguments], _ => null);

        Assert.Null(result.Options);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}

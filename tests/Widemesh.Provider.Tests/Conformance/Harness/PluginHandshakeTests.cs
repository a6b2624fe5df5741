using Widemesh.Testing.Terraform.Plugin;

namespace Widemesh.Provider.Tests.Conformance.Harness;

public sealed class PluginHandshakeTests
{
    [Fact]
    public void Parses_a_unix_socket_handshake_with_an_unpadded_certificate()
    {
        var handshake = PluginHandshake.Parse("1|6|unix|/tmp/plugin123|grpc|AAEC\n");

        Assert.Equal(("unix", "/tmp/plugin123"), (handshake.Network, handshake.Address));
        Assert.Equal(new byte[] { 0, 1, 2 }, handshake.ServerCertificate);
    }

    [Theory]
    [InlineData("1|6|tcp|127.0.0.1:10000|grpc|AAE=", "illegal base64 data at input byte 3")]
    [InlineData("1|6|tcp|127.0.0.1:10000|grpc|AA==", "illegal base64 data at input byte 2")]
    [InlineData("2|6|tcp|127.0.0.1:10000|grpc|", "incompatible core API version")]
    [InlineData("1|5|tcp|127.0.0.1:10000|grpc|", "incompatible API version with plugin")]
    [InlineData("1|6|tcp|127.0.0.1:10000|netrpc|", "not grpc")]
    [InlineData("1|6|tcp|0.0.0.0:10000|grpc|", "must be 127.0.0.1:PORT")]
    [InlineData("1|6|udp|127.0.0.1:10000|grpc|", "unknown network")]
    [InlineData("Now listening on: http://localhost:5000", "Unrecognized remote plugin message")]
    public void Refuses_what_go_plugin_refuses(string line, string expected)
    {
        var error = Assert.Throws<PluginHandshakeException>(() => PluginHandshake.Parse(line));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}

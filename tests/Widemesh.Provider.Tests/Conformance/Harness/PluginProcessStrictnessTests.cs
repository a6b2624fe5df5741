using Widemesh.Testing.Terraform.Plugin;

namespace Widemesh.Provider.Tests.Conformance.Harness;

/// <summary>Launches small fake plugins (shell scripts) to prove the launcher refuses what go-plugin's client refuses.</summary>
public sealed class PluginProcessStrictnessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("widemesh-fake-plugin-").FullName;

    [Theory]
    [InlineData("echo 'Now listening on: http://localhost:5000'; sleep 5", "Unrecognized remote plugin message")]
    [InlineData("echo 'this binary is a plugin' >&2; exit 1", "plugin exited before we could connect")]
    [InlineData("echo '1|6|tcp|127.0.0.1:1|grpc|QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5eg=='; sleep 5", "illegal base64 data")]
    [InlineData("echo '1|5|tcp|127.0.0.1:1|grpc|'; sleep 5", "incompatible API version")]
    [InlineData("sleep 5", "timeout while waiting for plugin to start")]
    public async Task Refuses_a_plugin_that_go_plugin_would_refuse(string script, string expected)
    {
        var options = new PluginLaunchOptions
        {
            ExecutablePath = FakePlugin(script),
            WorkingDirectory = _directory,
            HandshakeTimeout = TimeSpan.FromSeconds(1),
        };

        var error = await Assert.ThrowsAsync<PluginHandshakeException>(() => PluginProcess.StartAsync(options, TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string FakePlugin(string script)
    {
        var path = Path.Combine(_directory, $"terraform-provider-fake-{Guid.NewGuid():N}");
        File.WriteAllText(path, "#!/bin/sh\n" + script + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}

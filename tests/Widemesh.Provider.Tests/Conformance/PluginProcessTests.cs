using System.Diagnostics;
using System.Text.Json;
using Grpc.Health.V1;
using Widemesh.Testing.Terraform.Conformance;
using Widemesh.Testing.Terraform.Cty;
using Widemesh.Testing.Terraform.Plugin;
using Proto = Widemesh.Testing.Terraform.Protocol.Tfplugin6;

namespace Widemesh.Provider.Tests.Conformance;

/// <summary>The process, handshake and TLS properties of the published executable (protocol doc §1, §7).</summary>
public sealed class PluginProcessTests(ProviderUnderTest provider) : IClassFixture<ProviderUnderTest>
{
    [Fact]
    public async Task Every_launch_prints_a_strict_handshake_and_exits_within_two_seconds_of_shutdown()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 20; i++)
        {
            var versions = i % 2 == 0 ? "5,6" : "6,5";
            await using var plugin = await PluginProcess.StartAsync(provider.LaunchOptions(o => o with { ProtocolVersions = versions }), ct);
            var health = await plugin.Health.CheckAsync(new HealthCheckRequest { Service = "plugin" }, cancellationToken: ct);

            var exit = await plugin.ShutdownAsync(ct);

            Assert.Equal(6, plugin.Handshake.AppVersion);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
            Assert.True(exit < TimeSpan.FromSeconds(2), $"exit took {exit}");
            Assert.Empty(plugin.StrayStdoutLines);
        }
    }

    [Fact]
    public async Task Without_the_magic_cookie_it_explains_itself_on_stderr_and_exits_1()
    {
        var (exitCode, stdout, stderr) = await PluginProcess.RunWithoutTerraformAsync(provider.ExecutablePath, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("plugin", stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("terraform", stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_connection_without_the_client_certificate_or_with_another_one_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var plugin = await PluginProcess.StartAsync(provider.LaunchOptions(), ct);
        using var stranger = ClientCertificate.Create(TimeProvider.System);

        var withoutCertificate = await plugin.TryCallWithClientCertificateAsync(null, ct);
        var withStranger = await plugin.TryCallWithClientCertificateAsync(stranger, ct);

        Assert.NotNull(withoutCertificate);
        Assert.NotNull(withStranger);
        Assert.False(plugin.HasExited);
        await plugin.Health.CheckAsync(new HealthCheckRequest { Service = "plugin" }, cancellationToken: ct);
    }

    [Fact]
    public async Task Without_a_client_certificate_it_serves_plaintext_h2c()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var plugin = await PluginProcess.StartAsync(provider.LaunchOptions(o => o with { AutoMtls = false }), ct);

        var schemas = await ConformanceHarness.FetchSchemasAsync(plugin.Provider, ct);

        Assert.Null(plugin.Handshake.ServerCertificate);
        Assert.Contains("widemesh_environment", schemas.Resources.Keys);
    }

    [Fact]
    public async Task The_schema_is_valid_and_offers_every_resource_and_data_source()
    {
        await using var harness = await provider.LaunchAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["widemesh_environment", "widemesh_log_drain", "widemesh_rack"], harness.Schemas.Resources.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["widemesh_dns_propagation", "widemesh_environment", "widemesh_environments", "widemesh_rack", "widemesh_racks"], harness.Schemas.DataSources.Keys.Order(StringComparer.Ordinal));
        Assert.True(harness.Schemas.Provider.Block.Attribute("token")!.Sensitive);
        var environment = harness.Schemas.Resource("widemesh_environment").Block;
        Assert.True(environment.Attribute("racks")!.Required);
        Assert.Equal(CtyType.List(CtyType.String), environment.Attribute("racks")!.Type);
        Assert.True(environment.Attribute("primary_rack")!.Computed);
    }

    [Fact]
    public async Task Several_instances_start_at_once_without_clashing()
    {
        var ct = TestContext.Current.CancellationToken;

        var plugins = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PluginProcess.StartAsync(provider.LaunchOptions(), ct)));

        try
        {
            Assert.Equal(4, plugins.Select(p => p.Handshake.Address).Distinct().Count());
            foreach (var plugin in plugins)
            {
                await plugin.Health.CheckAsync(new HealthCheckRequest { Service = "plugin" }, cancellationToken: ct);
            }
        }
        finally
        {
            foreach (var plugin in plugins)
            {
                await plugin.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task SIGINT_does_not_stop_it_and_StopProvider_answers_without_exiting()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await provider.LaunchConfiguredAsync(ct);

        using (var kill = Process.Start("kill", ["-INT", harness.Plugin.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(ct);
        }

        await Task.Delay(300, ct);
        var stop = await harness.Provider.StopProviderAsync(new Proto.StopProvider.Types.Request(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: ct);
        await Task.Delay(300, ct);

        Assert.False(harness.Plugin.HasExited, "the provider exited on SIGINT or StopProvider");
        Assert.Empty(stop.Error);
        await ConformanceHarness.FetchSchemasAsync(harness.Provider, ct);
    }

    [Fact]
    public async Task A_config_over_five_megabytes_is_received()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await provider.LaunchConfiguredAsync(ct);
        var huge = new string('x', 6 * 1024 * 1024);
        var config = ProviderUnderTest.EnvironmentConfig(harness, huge, "a");

        var diagnostics = await harness.ValidateResourceConfigAsync("widemesh_environment", config, ct);

        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.PathText == "name");
    }

    [Fact]
    public async Task Stderr_log_lines_are_hclog_json_or_plain_and_nothing_is_written_to_the_working_directory()
    {
        var ct = TestContext.Current.CancellationToken;
        var workingDirectory = Directory.CreateTempSubdirectory("widemesh-cwd-").FullName;
        try
        {
            var options = provider.LaunchOptions(o => o with
            {
                WorkingDirectory = workingDirectory,
                Environment = new Dictionary<string, string?>(o.Environment) { ["TF_LOG"] = "JSON" },
            });
            await using var harness = await ConformanceHarness.StartAsync(options, ct);
            await harness.ConfigureProviderAsync(provider.ProviderConfig(harness), ct);
            await harness.PlanResourceChangeAsync("widemesh_environment", null, ProviderUnderTest.EnvironmentConfig(harness, "logs", "a"), ct);
            await harness.Plugin.ShutdownAsync(ct);

            foreach (var line in harness.Plugin.StderrLines.Where(l => l.StartsWith('{')))
            {
                using var entry = JsonDocument.Parse(line);
                Assert.True(entry.RootElement.TryGetProperty("@level", out _), line);
                Assert.True(entry.RootElement.TryGetProperty("@message", out _), line);
                Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}(Z|[+-]\d{2}:\d{2})$", entry.RootElement.GetProperty("@timestamp").GetString());
            }

            Assert.DoesNotContain(harness.Plugin.StderrLines, l => l.Contains(provider.Meshd.AdminToken, StringComparison.Ordinal));
            Assert.Empty(Directory.EnumerateFileSystemEntries(workingDirectory));
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task The_socket_goes_into_PLUGIN_UNIX_SOCKET_DIR_and_is_removed_on_shutdown()
    {
        var ct = TestContext.Current.CancellationToken;
        var socketDirectory = Directory.CreateTempSubdirectory("wm-sock-").FullName;
        try
        {
            var options = provider.LaunchOptions(o => o with
            {
                Environment = new Dictionary<string, string?>(o.Environment) { ["PLUGIN_UNIX_SOCKET_DIR"] = socketDirectory },
            });
            await using var plugin = await PluginProcess.StartAsync(options, ct);
            await plugin.Health.CheckAsync(new HealthCheckRequest { Service = "plugin" }, cancellationToken: ct);

            Assert.Equal("unix", plugin.Handshake.Network);
            Assert.Equal(socketDirectory, Path.GetDirectoryName(plugin.Handshake.Address));
            await plugin.ShutdownAsync(ct);
            Assert.Empty(Directory.EnumerateFileSystemEntries(socketDirectory));
        }
        finally
        {
            Directory.Delete(socketDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task It_does_not_watch_the_working_directory_tree()
    {
        var ct = TestContext.Current.CancellationToken;
        var workingDirectory = Directory.CreateTempSubdirectory("widemesh-cwd-").FullName;
        try
        {
            for (var i = 0; i < 40; i++)
            {
                Directory.CreateDirectory(Path.Combine(workingDirectory, $"module-{i}", ".terraform"));
            }

            await using var plugin = await PluginProcess.StartAsync(provider.LaunchOptions(o => o with { WorkingDirectory = workingDirectory }), ct);

            var watches = CountInotifyWatches(plugin.ProcessId);

            Assert.True(watches < 5, $"the provider holds {watches} inotify watches under its working directory (Terraform's root module); "
                + "a recursive file watch makes start-up scale with the size of the user's tree");
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    private static int CountInotifyWatches(int processId)
    {
        var count = 0;
        foreach (var fd in Directory.EnumerateFiles($"/proc/{processId}/fdinfo"))
        {
            try
            {
                count += File.ReadLines(fd).Count(l => l.StartsWith("inotify wd:", StringComparison.Ordinal));
            }
            catch (IOException)
            {
                // The descriptor closed while we read it.
            }
        }

        return count;
    }
}

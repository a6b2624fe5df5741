using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

namespace Widemesh.Platform.Tests.Runtime;

/// <summary>A meshd that cannot make network namespaces (here: run as user nobody) says so and runs nothing unisolated.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class LocalRuntimeTests
{
    [Fact]
    public async Task Without_root_meshd_says_so_at_start_and_refuses_stacks_on_local_racks_saying_how_to_run()
    {
        RuntimeRequirements.SkipUnlessNamespaces();
        var folder = UnprivilegedFolder();
        try
        {
            await using var meshd = await MeshdProcess.StartAsync(
                new MeshdOptions { DataDirectory = Path.Combine(folder, "data"), ExecutablePath = AsNobody(folder), Environment = new Dictionary<string, string> { ["HOME"] = folder } },
                Ct);
            using var client = meshd.CreateClient();
            var rack = await client.CreateRackAsync(new CreateRackRequest { Name = "local" }, Ct);
            var stacks = new[] { new StackSpec { Name = "web", Command = RuntimeCommands.Sleeper } };

            var refused = await Assert.ThrowsAsync<WidemeshConflictException>(() => client.CreateEnvironmentAsync(
                new CreateEnvironmentRequest { Name = RuntimeSome.Name("env"), Racks = [rack.Name], Stacks = stacks }, Ct));
            var empty = await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = RuntimeSome.Name("env"), Racks = [rack.Name] }, Ct);
            var refusedUpdate = await Assert.ThrowsAsync<WidemeshConflictException>(() =>
                client.UpdateEnvironmentAsync(empty.Name, new UpdateEnvironmentRequest { Stacks = stacks }, null, Ct));
            var instances = await client.ListInstancesAsync(empty.Name, Ct);

            Assert.Contains("network namespaces are not available (meshd does not run as root)", meshd.Output, StringComparison.Ordinal);
            Assert.Equal("racks", refused.Field);
            Assert.Contains("Start meshd as root", refused.Detail, StringComparison.Ordinal);
            Assert.Contains("--isolation none", refused.Detail, StringComparison.Ordinal);
            Assert.Contains("Start meshd as root", refusedUpdate.Detail, StringComparison.Ordinal);
            Assert.Empty((await client.GetEnvironmentAsync(empty.Name, Ct))!.Stacks);
            Assert.Empty(instances);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task With_isolation_netns_and_no_root_meshd_refuses_to_start_and_says_why()
    {
        RuntimeRequirements.SkipUnlessNamespaces();
        var folder = UnprivilegedFolder();
        try
        {
            var options = new MeshdOptions
            {
                DataDirectory = Path.Combine(folder, "data"),
                ExecutablePath = AsNobody(folder),
                Environment = new Dictionary<string, string> { ["HOME"] = folder },
                ExtraArguments = ["--isolation", "netns"],
            };

            var error = await Assert.ThrowsAsync<MeshdStartException>(() => MeshdProcess.StartAsync(options, Ct));

            Assert.Contains("exited with code 1", error.Message, StringComparison.Ordinal);
            Assert.Contains("network namespaces are not available here (meshd does not run as root)", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string UnprivilegedFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "widemesh-nobody-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        foreach (var path in new[] { folder, Path.Combine(folder, "data") })
        {
            File.SetUnixFileMode(path, (UnixFileMode)0x1FF);
        }

        return folder;
    }

    /// <summary>A launcher that runs the real meshd as user nobody (uid 65534).</summary>
    private static string AsNobody(string folder)
    {
        var launcher = Path.Combine(folder, "meshd-as-nobody");
        File.WriteAllText(launcher, $"#!/bin/sh\nexec /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups '{MeshdExecutable.Find()}' \"$@\"\n");
        File.SetUnixFileMode(launcher, (UnixFileMode)0x1ED);
        return launcher;
    }
}

using System.Diagnostics;
using System.Globalization;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;
using Widemesh.Testing.Terraform.Conformance;
using Widemesh.Testing.Terraform.Cty;
using Widemesh.Testing.Terraform.Plugin;

namespace Widemesh.Provider.Benchmarks;

/// <summary>
/// Provider plugin start-up and round-trip benchmark. Usage:
/// <c>dotnet run -c Release --project bench/Widemesh.Provider.Benchmarks -- [--runs 30] [--plans 200]</c>.
/// Prints a markdown table for docs/benchmarks.md.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var runs = Option(args, "--runs", 30);
        var plans = Option(args, "--plans", 200);
        var ct = CancellationToken.None;

        var baseline = await AotBaseline.GetPathAsync(ct);
        var provider = await ProviderBinary.GetPathAsync(ct);
        await using var meshd = await MeshdProcess.StartAsync(new MeshdOptions(), ct);
        using (var client = meshd.CreateClient())
        {
            await client.CreateRackAsync(new CreateRackRequest { Name = "a" }, ct);
        }

        // Terraform runs the provider in the root module directory: a small folder of its own.
        var module = Directory.CreateTempSubdirectory("widemesh-bench-module-");
        File.WriteAllText(Path.Combine(module.FullName, "main.tf"), "resource \"widemesh_environment\" \"bench\" {}\n");
        var options = new PluginLaunchOptions
        {
            ExecutablePath = provider,
            WorkingDirectory = module.FullName,
            Environment = new Dictionary<string, string?> { ["WIDEMESH_ENDPOINT"] = meshd.Endpoint.ToString(), ["WIDEMESH_TOKEN"] = meshd.AdminToken },
        };

        // Warm the page cache for both binaries.
        await AotBaseline.TimeFirstLineAsync(baseline, ct);
        await using (var warm = await PluginProcess.StartAsync(options, ct))
        {
            await warm.ShutdownAsync(ct);
        }

        var empty = new List<TimeSpan>();
        var handshake = new List<TimeSpan>();
        var firstSchema = new List<TimeSpan>();
        var shutdown = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            empty.Add(await AotBaseline.TimeFirstLineAsync(baseline, ct));
            var clock = Stopwatch.StartNew();
            await using var plugin = await PluginProcess.StartAsync(options, ct);
            await ConformanceHarness.FetchSchemasAsync(plugin.Provider, ct);
            firstSchema.Add(clock.Elapsed);
            handshake.Add(plugin.HandshakeTime);
            shutdown.Add(await plugin.ShutdownAsync(ct));
        }

        var planTimes = new List<TimeSpan>();
        await using (var harness = await ConformanceHarness.StartAsync(options, ct))
        {
            var providerConfig = CtyValue.Object(harness.Schemas.Provider.Block.ImpliedType(), []);
            await harness.ConfigureProviderAsync(providerConfig, ct);
            // As Terraform decodes it: absent nested blocks are empty collections, absent attributes null.
            var config = harness.Schemas.Resource("widemesh_environment").Block.AllNull()
                .WithAttribute("name", CtyValue.String("bench"))
                .WithAttribute("racks", CtyValue.StringList("a"));
            for (var i = 0; i < plans + 10; i++)
            {
                var clock = Stopwatch.StartNew();
                var plan = await harness.PlanResourceChangeAsync("widemesh_environment", null, config, ct);
                if (i >= 10)
                {
                    planTimes.Add(clock.Elapsed);
                }

                if (plan.HasErrors)
                {
                    throw new InvalidOperationException("the benchmark plan failed: " + string.Join("; ", plan.Diagnostics));
                }
            }
        }

        var emptySamples = new Samples("empty NativeAOT program: exec → first stdout line (baseline)", empty);
        Console.Out.WriteLine("| measurement | runs | median ms | p90 ms | × baseline |");
        Console.Out.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Console.Out.WriteLine(emptySamples.Row());
        Console.Out.WriteLine(new Samples("provider: exec → handshake line", handshake).Row(emptySamples.Median));
        Console.Out.WriteLine(new Samples("provider: exec → first GetProviderSchema answered (mTLS connect included)", firstSchema).Row(emptySamples.Median));
        Console.Out.WriteLine(new Samples("provider: GRPCController.Shutdown → process exit", shutdown).Row());
        Console.Out.WriteLine(new Samples("provider: PlanResourceChange round trip (widemesh_environment create, checks meshd)", planTimes).Row());
        module.Delete(recursive: true);
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

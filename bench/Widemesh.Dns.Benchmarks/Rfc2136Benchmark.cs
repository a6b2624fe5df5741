using System.Diagnostics;
using DnsClient;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;
using Bind = Widemesh.Testing.Dns.BindServer;

namespace Widemesh.Dns.Benchmarks;

/// <summary>
/// The time from a PATCH to the new answer at BIND when meshd publishes through TSIG-signed RFC 2136 updates
/// (<c>--dns-update</c>): a second meshd points at a BIND primary that grants its key, and each switch asks BIND
/// over UDP until it answers the new rack's address.
/// </summary>
internal static class Rfc2136Benchmark
{
    /// <summary>The PATCH-to-answer times in milliseconds, or null (with the reason printed) when BIND cannot run.</summary>
    public static async Task<List<double>?> RunAsync(string meshdPath, int environments, int switches, CancellationToken cancellationToken)
    {
        var (bind, skip) = await Bind.StartAsync("widemesh.internal", "meshd-key", cancellationToken);
        if (bind is null)
        {
            Console.WriteLine($"PATCH -> new answer at BIND:  not run ({skip})");
            return null;
        }

        await using var _ = bind;
        var keyDirectory = Directory.CreateTempSubdirectory("widemesh-bench-tsig-").FullName;
        try
        {
            var keyFile = await Bind.WriteKeyFileAsync(Path.Combine(keyDirectory, "meshd.key"), bind.KeyName, bind.Secret, cancellationToken);
            await using var meshd = await MeshdProcess.StartAsync(
                new MeshdOptions { ExecutablePath = meshdPath, ExtraArguments = ["--dns-update", bind.EndPoint.ToString(), "--dns-tsig-key", keyFile] },
                cancellationToken);
            using var client = meshd.CreateClient();
            var rackA = await client.CreateRackAsync(new CreateRackRequest { Name = "rack-a" }, cancellationToken);
            var rackB = await client.CreateRackAsync(new CreateRackRequest { Name = "rack-b" }, cancellationToken);
            await Parallel.ForAsync(0, environments, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
                await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = $"env-{i:D5}", Racks = ["rack-a"] }, token));

            var lookup = new LookupClient(new LookupClientOptions(new NameServer(bind.EndPoint)) { UseCache = false, Retries = 0, Timeout = TimeSpan.FromSeconds(2), Recursion = false });
            var hostname = "env-00000.widemesh.internal";
            while ((await lookup.QueryAsync(hostname, QueryType.A, cancellationToken: cancellationToken)).Answers.ARecords().FirstOrDefault()?.Address.ToString() != rackA.IngressAddress)
            {
                await Task.Delay(20, cancellationToken);
            }

            var publishing = Stopwatch.StartNew();
            while ((await client.GetDnsStatusAsync(cancellationToken)).External is not { Pending: 0, LastError: null })
            {
                await Task.Delay(20, cancellationToken);
            }

            Console.WriteLine($"RFC 2136: meshd -> BIND at {bind.EndPoint}, {environments:N0} environments published (queue drained {publishing.Elapsed.TotalSeconds:0.0} s after the last create), TSIG hmac-sha256");
            var times = new List<double>(switches);
            for (var i = 0; i < switches; i++)
            {
                var (racks, expected) = i % 2 == 0 ? (new[] { "rack-a", "rack-b" }, rackB.IngressAddress) : (new[] { "rack-a" }, rackA.IngressAddress);
                var clock = Stopwatch.StartNew();
                await client.UpdateEnvironmentAsync("env-00000", new UpdateEnvironmentRequest { Racks = racks }, null, cancellationToken);
                while ((await lookup.QueryAsync(hostname, QueryType.A, cancellationToken: cancellationToken)).Answers.ARecords().FirstOrDefault()?.Address.ToString() != expected)
                {
                    if (clock.Elapsed > TimeSpan.FromSeconds(30))
                    {
                        throw new InvalidOperationException($"BIND did not answer {expected} within 30 s of the PATCH.");
                    }
                }

                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            return times;
        }
        finally
        {
            Directory.Delete(keyDirectory, recursive: true);
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using Widemesh.Dns.Benchmarks;
using DnsClient;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

// DNS benchmark: the time from an environment update (PATCH) to the new answer at meshd's authoritative server,
// with a zone of E environments, and the server's queries per second against BIND serving the same zone on loopback
// (when /usr/sbin/named is installed); then the time from a PATCH to the new answer at BIND when meshd publishes
// there with TSIG-signed RFC 2136 updates (--dns-update; zone of U environments). Usage:
//   dotnet run -c Release --project bench/Widemesh.Dns.Benchmarks -- [--environments E] [--switches N] [--seconds S] [--workers W]
//       [--update-environments U] [--only rfc2136]
var environments = Option("--environments", 10_000);
var switches = Option("--switches", 200);
var seconds = Option("--seconds", 5);
var workers = Option("--workers", 8);
var updateEnvironments = Option("--update-environments", 1_000);
var ct = CancellationToken.None;

var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
if (Array.IndexOf(args, "--only") is var only and >= 0 && only + 1 < args.Length && args[only + 1] == "rfc2136")
{
    await PrintRfc2136Async();
    return;
}

await using var meshd = await MeshdProcess.StartAsync(new MeshdOptions { ExecutablePath = MeshdExecutable.Find(configuration), Dns = true }, ct);
using var client = meshd.CreateClient();
var dnsEndPoint = meshd.DnsEndPoint!;
var rackA = await client.CreateRackAsync(new CreateRackRequest { Name = "rack-a" }, ct);
var rackB = await client.CreateRackAsync(new CreateRackRequest { Name = "rack-b" }, ct);
Console.WriteLine($"meshd ({configuration}); DNS at {dnsEndPoint}; {Environment.ProcessorCount} cores; filling the zone with {environments:N0} environments");

await Parallel.ForAsync(0, environments, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
    await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = $"env-{i:D5}", Racks = ["rack-a"] }, token));

var hostname = (await client.GetEnvironmentAsync("env-00042", ct))!.Hostname;
var lookup = new LookupClient(new LookupClientOptions(new NameServer(dnsEndPoint)) { UseCache = false, Retries = 0, Timeout = TimeSpan.FromSeconds(2) });

var patchTimes = new List<double>();
var answerTimes = new List<double>();
for (var i = 0; i < switches; i++)
{
    var (racks, expected) = i % 2 == 0 ? (new[] { "rack-a", "rack-b" }, rackB.IngressAddress) : (new[] { "rack-a" }, rackA.IngressAddress);
    var clock = Stopwatch.StartNew();
    await client.UpdateEnvironmentAsync("env-00042", new UpdateEnvironmentRequest { Racks = racks }, null, ct);
    patchTimes.Add(clock.Elapsed.TotalMilliseconds);
    while (true)
    {
        var response = await lookup.QueryAsync(hostname, QueryType.A, cancellationToken: ct);
        if (response.Answers.ARecords().FirstOrDefault()?.Address.ToString() == expected)
        {
            break;
        }
    }

    answerTimes.Add(clock.Elapsed.TotalMilliseconds);
}

Console.WriteLine($"PATCH acknowledged:          {Summary(patchTimes)}");
Console.WriteLine($"PATCH start -> new answer:   {Summary(answerTimes)}");

var ours = await QueriesPerSecondAsync(dnsEndPoint);
Console.WriteLine($"queries answered, meshd:      {ours:N0}/s over {seconds} s, {workers} UDP clients");
await using (var bind = await BindServer.StartAsync("widemesh.internal", environments, ct))
{
    if (bind is null)
    {
        Console.WriteLine("queries answered, BIND:       not run (no /usr/sbin/named; apt-get install bind9)");
    }
    else
    {
        var theirs = await QueriesPerSecondAsync(bind.EndPoint);
        var again = await QueriesPerSecondAsync(dnsEndPoint);
        Console.WriteLine($"queries answered, BIND:       {theirs:N0}/s (named {bind.Version}, same zone, same clients)");
        Console.WriteLine($"queries answered, meshd again: {again:N0}/s");
    }
}

await PrintRfc2136Async();

async Task PrintRfc2136Async()
{
    if (await Rfc2136Benchmark.RunAsync(MeshdExecutable.Find(configuration), updateEnvironments, switches, ct) is { } times)
    {
        Console.WriteLine($"PATCH start -> new answer at BIND (RFC 2136): {Summary(times)}");
    }
}

async Task<double> QueriesPerSecondAsync(IPEndPoint server)
{
    var answered = 0L;
    var deadline = Stopwatch.StartNew();
    await Parallel.ForAsync(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, async (worker, token) =>
    {
        var own = new LookupClient(new LookupClientOptions(new NameServer(server)) { UseCache = false, Retries = 0, Timeout = TimeSpan.FromSeconds(2), Recursion = false });
        var n = 0;
        while (deadline.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var response = await own.QueryAsync($"env-{(worker * 7919 + n++) % environments:D5}.widemesh.internal", QueryType.A, cancellationToken: token);
            if (!response.HasError && response.Answers.Count == 1)
            {
                Interlocked.Increment(ref answered);
            }
        }
    });
    return answered / deadline.Elapsed.TotalSeconds;
}

static string Summary(List<double> samples)
{
    samples.Sort();
    double At(double q) => samples[Math.Min(samples.Count - 1, (int)(q * samples.Count))];
    return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.5):0.00} ms, p99 {At(0.99):0.00} ms, max {samples[^1]:0.00} ms ({samples.Count} switches)");
}

int Option(string name, int fallback)
{
    var args = Environment.GetCommandLineArgs();
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

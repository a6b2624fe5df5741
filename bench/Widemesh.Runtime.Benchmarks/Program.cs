using System.Diagnostics;
using System.Globalization;
using System.Net;
using Widemesh.Runtime.Benchmarks;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

// Local runtime start-up overhead: for each command, the time from POST /v1/environments (which places the
// environment on a local rack: namespace, hosts file, process start) until the instance's port accepts a connection
// inside the environment's namespace, against starting the same command directly (/bin/sh -c, same variables) until
// its port accepts, interleaved in the same run; medians over N. Needs root (network namespaces). Usage:
//   dotnet run -c Release --project bench/Widemesh.Runtime.Benchmarks -- [--runs N]
var ct = CancellationToken.None;
var runs = Option("--runs", 15);
if (!Environment.IsPrivilegedProcess)
{
    await Console.Error.WriteLineAsync("The local runtime benchmark needs root: local racks create network namespaces.");
    return 2;
}

var work = Directory.CreateTempSubdirectory("widemesh-runtime-bench-");
var commands = new List<(string Label, string Command)>
{
    ("python3 -m http.server", "exec /usr/bin/python3 -m http.server --bind $HOST $PORT"),
};
if (await TinyServer.BuildAsync(work.FullName, ct) is { } tiny)
{
    commands.Add(("tiny C server (gcc -O2)", $"exec {tiny}"));
}

var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
await using var meshd = await MeshdProcess.StartAsync(new MeshdOptions { ExecutablePath = MeshdExecutable.Find(configuration) }, ct);
using var client = meshd.CreateClient();
var rack = await client.CreateRackAsync(new CreateRackRequest { Name = "bench" }, ct);
Console.WriteLine($"meshd ({configuration}) at {meshd.Endpoint}; {Environment.ProcessorCount} cores; {runs} runs per command; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

const int Port = 8080;
var timeout = TimeSpan.FromSeconds(30);
var results = commands.ToDictionary(c => c.Label, _ => (Meshd: new List<TimeSpan>(), Direct: new List<TimeSpan>()));
for (var run = 0; run < runs; run++)
{
    foreach (var (label, command) in commands)
    {
        var directPort = 20000 + Random.Shared.Next(20000);
        var start = new ProcessStartInfo("/bin/sh", ["-c", command]) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["HOST"] = "127.0.0.1";
        start.Environment["PORT"] = directPort.ToString(CultureInfo.InvariantCulture);
        var directClock = Stopwatch.StartNew();
        using (var process = Process.Start(start)!)
        {
            results[label].Direct.Add(await PortWaiter.WaitAsync(null, new IPEndPoint(IPAddress.Loopback, directPort), directClock, timeout, ct));
            process.Kill();
            await process.WaitForExitAsync(ct);
        }

        var name = $"bench-{run}-{commands.FindIndex(c => c.Label == label)}";
        var meshdClock = Stopwatch.StartNew();
        var waiting = PortWaiter.WaitAsync($"{NamespacePrefix(meshd.DataDirectory)}{name}.{rack.Name}", new IPEndPoint(IPAddress.Parse("127.42.1.1"), Port), meshdClock, timeout, ct);
        await client.CreateEnvironmentAsync(
            new CreateEnvironmentRequest { Name = name, Racks = [rack.Name], Stacks = [new StackSpec { Name = "web", Command = command, Port = Port }] }, ct);
        results[label].Meshd.Add(await waiting);
        await client.DeleteEnvironmentAsync(name, null, ct);
    }
}

Console.WriteLine();
Console.WriteLine("| command | started directly (median) | placed by meshd (median) | overhead |");
Console.WriteLine("| --- | --- | --- | --- |");
foreach (var (label, (meshdRuns, directRuns)) in results)
{
    var direct = Median(directRuns);
    var placed = Median(meshdRuns);
    Console.WriteLine($"| {label} | {Ms(direct)} | {Ms(placed)} | +{Ms(placed - direct)} |");
}

Console.WriteLine();
foreach (var (label, (meshdRuns, directRuns)) in results)
{
    Console.WriteLine($"{label}: direct {string.Join(' ', directRuns.Select(Ms))}; meshd {string.Join(' ', meshdRuns.Select(Ms))}");
}

work.Delete(recursive: true);
return 0;

static string NamespacePrefix(string dataDirectory) =>
    "wm-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..8] + "-";

static TimeSpan Median(List<TimeSpan> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Ms(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0.0} ms");

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

using System.Diagnostics;
using System.Globalization;
using Widemesh.Deploy.Benchmarks;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

// mesh deploy benchmark: the time from starting `mesh deploy` (a fresh environment each run: create, upload,
// apply, wait; removed with `mesh env delete` after) to the first 200 from the stack through the rack's ingress,
// median over N runs; in the same run,
// the same command started directly (python3 app.py) to its first 200, as the floor. Usage:
//   dotnet run -c Release --project bench/Widemesh.Deploy.Benchmarks -- [--runs N]
var ct = CancellationToken.None;
var runs = Option("--runs", 9);
var root = MeshdExecutable.FindRepositoryRoot();
var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
var mesh = Path.Combine(root, "artifacts", "bin", "Widemesh.Cli", configuration, "mesh");
const int Port = 8080;
var publicPort = 18000 + Random.Shared.Next(1000);

var app = Directory.CreateTempSubdirectory("widemesh-deploy-bench-");
await File.WriteAllTextAsync(Path.Combine(app.FullName, "app.py"), """
    import os
    from http.server import BaseHTTPRequestHandler, HTTPServer
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200); self.send_header("Content-Length", "3"); self.end_headers(); self.wfile.write(b"ok\n")
        def log_message(self, *args):
            pass
    HTTPServer((os.environ.get("HOST", "127.0.0.1"), int(os.environ.get("PORT", "8080"))), Handler).serve_forever()
    """, ct);
await File.WriteAllTextAsync(Path.Combine(app.FullName, "widemesh.hcl"), $$"""
    stack "web" {
      command     = "/usr/bin/python3 app.py"
      port        = {{Port}}
      public_port = {{publicPort}}
      health_check {
        path              = "/"
        interval_seconds  = 1
      }
    }
    """, ct);

await using var meshd = await MeshdProcess.StartAsync(new MeshdOptions { ExecutablePath = MeshdExecutable.Find(configuration) }, ct);
using var client = meshd.CreateClient();
var rack = await client.CreateRackAsync(new CreateRackRequest { Name = "local" }, ct);
var ingress = rack.IngressAddress ?? "127.0.0.1";
var variables = new Dictionary<string, string>
{
    ["WIDEMESH_ENDPOINT"] = meshd.Endpoint.ToString(),
    ["WIDEMESH_TOKEN"] = meshd.AdminToken,
    ["WIDEMESH_WORKSPACE"] = Path.Combine(app.FullName, ".workspace"),
    ["WIDEMESH_ENGINE"] = "builtin",
    ["NO_COLOR"] = "1",
    ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
    ["HOME"] = app.FullName,
};
await File.WriteAllTextAsync(Path.Combine(app.FullName, ".meshignore"), ".workspace/\n", ct);
Console.WriteLine($"meshd ({configuration}) at {meshd.Endpoint}; rack local, ingress {ingress}; {Environment.ProcessorCount} cores; {runs} runs");

var deployRuns = new List<TimeSpan>();
var meshRuns = new List<TimeSpan>();
var directRuns = new List<TimeSpan>();
for (var run = 0; run < runs; run++)
{
    // The floor: the same command, started directly, to its first answer.
    var direct = Stopwatch.StartNew();
    using (var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["app.py"])
    {
        WorkingDirectory = app.FullName,
        Environment = { ["HOST"] = "127.0.0.1", ["PORT"] = (publicPort + 1000).ToString(CultureInfo.InvariantCulture) },
    })!)
    {
        directRuns.Add(await FirstResponse.WaitAsync(new Uri($"http://127.0.0.1:{publicPort + 1000}/"), direct, TimeSpan.FromSeconds(30), ct));
        process.Kill();
        await process.WaitForExitAsync(ct);
    }

    var name = $"bench-{run}";
    var clock = Stopwatch.StartNew();
    var deploy = Process.Start(new ProcessStartInfo(mesh, ["deploy", app.FullName, "--env", name, "--rack", "local", "--timeout", "2m"])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    }.WithVariables(variables))!;
    var output = deploy.StandardOutput.ReadToEndAsync(ct);
    var errors = deploy.StandardError.ReadToEndAsync(ct);
    using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
    var firstResponse = FirstResponse.WaitAsync(new Uri($"http://{ingress}:{publicPort}/"), clock, TimeSpan.FromMinutes(2), stop.Token);
    var exited = deploy.WaitForExitAsync(ct);
    if (await Task.WhenAny(firstResponse, exited) == exited && deploy.ExitCode != 0)
    {
        await stop.CancelAsync();
        throw new InvalidOperationException($"mesh deploy exited {deploy.ExitCode}:\n{await output}\n{await errors}");
    }

    var first = await firstResponse;
    await exited;
    var meshDone = clock.Elapsed;

    deployRuns.Add(first);
    meshRuns.Add(meshDone);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1}: first 200 after {first.TotalMilliseconds:F0} ms, mesh deploy exited after {meshDone.TotalMilliseconds:F0} ms, direct start {directRuns[^1].TotalMilliseconds:F0} ms"));
    deploy.Dispose();
    using var delete = Process.Start(new ProcessStartInfo(mesh, ["env", "delete", name]) { RedirectStandardOutput = true, RedirectStandardError = true }.WithVariables(variables))!;
    var deleteOutput = delete.StandardOutput.ReadToEndAsync(ct);
    await delete.StandardError.ReadToEndAsync(ct);
    await delete.WaitForExitAsync(ct);
    if (delete.ExitCode != 0)
    {
        throw new InvalidOperationException($"mesh env delete {name} exited {delete.ExitCode}: {await deleteOutput}");
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mesh deploy -> first healthy response through the ingress: median {Median(deployRuns):F0} ms over {runs} runs (min {deployRuns.Min().TotalMilliseconds:F0}, max {deployRuns.Max().TotalMilliseconds:F0})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mesh deploy until it exits (instances reported healthy): median {Median(meshRuns):F0} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"same command started directly -> first response: median {Median(directRuns):F0} ms"));
app.Delete(recursive: true);

static double Median(IEnumerable<TimeSpan> samples)
{
    var sorted = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

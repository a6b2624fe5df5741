using System.Globalization;
using Widemesh.Cli.Benchmarks;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

// mesh CLI benchmark: `mesh env ls` cold (a fresh NativeAOT process per run) against 10,000
// environments, next to an empty NativeAOT program in the same run; and the built-in engine's no-op
// `mesh plan` over a workspace of 1,000 environments. Usage:
//   dotnet run -c Release --project bench/Widemesh.Cli.Benchmarks -- [--mesh PATH] [--environments N] [--plan-environments N] [--runs N]
// Without --mesh (or WIDEMESH_MESH_AOT_PATH, or an artifacts/aot/mesh newer than the sources) it publishes mesh first.
var ct = CancellationToken.None;
var environments = Option("--environments", 10_000);
var planEnvironments = Option("--plan-environments", 1_000);
var runs = Option("--runs", 21);
var root = MeshdExecutable.FindRepositoryRoot();
var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
var publishRoot = Path.Combine(root, "artifacts", "cli-bench");

var mesh = OptionText("--mesh")
    ?? (Environment.GetEnvironmentVariable("WIDEMESH_MESH_AOT_PATH") is { Length: > 0 } aot && File.Exists(aot) ? aot : null)
    ?? AotPublisher.FindFreshMesh(root);
if (mesh is null)
{
    Console.WriteLine("publishing mesh (NativeAOT)...");
    mesh = await AotPublisher.PublishMeshAsync(root, Path.Combine(publishRoot, "mesh"), ct);
}

Console.WriteLine("publishing the empty baseline program (NativeAOT)...");
var empty = await AotPublisher.PublishEmptyAsync(Path.Combine(publishRoot, "empty"), ct);

await using var meshd = await MeshdProcess.StartAsync(new MeshdOptions { ExecutablePath = MeshdExecutable.Find(configuration) }, ct);
using var client = meshd.CreateClient();
await client.CreateRackAsync(new CreateRackRequest { Name = "rack-a" }, ct);
Console.WriteLine($"meshd ({configuration}) at {meshd.Endpoint}; {Environment.ProcessorCount} cores; creating {environments:N0} environments...");
await Parallel.ForEachAsync(Enumerable.Range(0, environments), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
    await client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = $"env-{i:D5}", Racks = ["rack-a"] }, token));

var workspace = Path.Combine(Path.GetTempPath(), "widemesh-cli-bench-" + Guid.NewGuid().ToString("N")[..8]);
var variables = new Dictionary<string, string>
{
    ["WIDEMESH_ENDPOINT"] = meshd.Endpoint.ToString(),
    ["WIDEMESH_TOKEN"] = meshd.AdminToken,
    ["WIDEMESH_WORKSPACE"] = workspace,
    ["WIDEMESH_ENGINE"] = "builtin",
    ["NO_COLOR"] = "1",
};

// 1. env ls cold, alternating with the empty program so load elsewhere hits both alike.
await ProcessTimer.RunOnceAsync(mesh, ["env", "ls"], variables, ct);
// A second baseline: the same GET by curl (a small native process, its output piped like mesh's), i.e. what meshd itself costs.
string[] curlArguments = ["-sf", "-H", $"Authorization: Bearer {meshd.AdminToken}", new Uri(meshd.Endpoint, "v1/environments").ToString()];
var emptyRuns = new List<TimeSpan>();
var curlRuns = new List<TimeSpan>();
var listRuns = new List<TimeSpan>();
for (var run = 0; run < runs; run++)
{
    emptyRuns.Add(await ProcessTimer.RunOnceAsync(empty, [], variables, ct));
    curlRuns.Add(await ProcessTimer.RunOnceAsync("curl", curlArguments, variables, ct));
    listRuns.Add(await ProcessTimer.RunOnceAsync(mesh, ["env", "ls"], variables, ct));
}

var emptyMedian = ProcessTimer.Median(emptyRuns);
var curlMedian = ProcessTimer.Median(curlRuns);
var listMedian = ProcessTimer.Median(listRuns);
Console.WriteLine(Line($"empty NativeAOT program (baseline): median {emptyMedian:F1} ms over {runs} runs"));
Console.WriteLine(Line($"curl GET /v1/environments ({environments:N0} items, meshd's own time): median {curlMedian:F1} ms"));
Console.WriteLine(Line($"mesh env ls ({environments:N0} environments, table): median {listMedian:F1} ms, {listMedian - emptyMedian:F1} ms over the empty program, {listMedian - curlMedian:F1} ms over curl (target <= 150 ms)"));

// 2. no-op plan of the built-in engine over a workspace that manages planEnvironments environments.
var adopted = environments - planEnvironments;
Console.WriteLine($"building a workspace of {planEnvironments:N0} environments (export + apply)...");
foreach (var i in Enumerable.Range(0, adopted))
{
    await client.DeleteEnvironmentAsync($"env-{i:D5}", null, ct);
}

await ProcessTimer.RunOnceAsync(mesh, ["export"], variables, ct);
await ProcessTimer.RunOnceAsync(mesh, ["apply"], variables, ct);
var planRuns = new List<TimeSpan>();
for (var run = 0; run < Math.Max(3, runs / 3); run++)
{
    planRuns.Add(await ProcessTimer.RunOnceAsync(mesh, ["plan", "--json"], variables, ct));
}

var planMedian = ProcessTimer.Median(planRuns);
Console.WriteLine(Line($"mesh plan, built-in engine, no changes, {planEnvironments:N0} environments + 1 rack: median {planMedian:F0} ms over {planRuns.Count} runs (target <= 2000 ms)"));
Directory.Delete(workspace, recursive: true);
return 0;

static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

int Option(string name, int fallback) =>
    OptionText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

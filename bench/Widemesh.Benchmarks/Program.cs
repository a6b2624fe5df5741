using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Widemesh.Benchmarks;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;

// Platform benchmark: meshd's GET of one environment and list of 10,000 environments against
// /healthz on the same Kestrel, plus creates per second. Usage:
//   dotnet run -c Release --project bench/Widemesh.Benchmarks -- [--requests N] [--workers W] [--environments E]
var requests = Option("--requests", 20_000);
var workers = Option("--workers", 16);
var environments = Option("--environments", 10_000);
var ct = CancellationToken.None;
const int Rounds = 10;

var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
await using var meshd = await MeshdProcess.StartAsync(new MeshdOptions { ExecutablePath = MeshdExecutable.Find(configuration) }, ct);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = meshd.Endpoint };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", meshd.AdminToken);

foreach (var rack in new[] { "rack-a", "rack-b" })
{
    (await http.PostAsJsonAsync("v1/racks", new CreateRackRequest { Name = rack }, WidemeshJsonContext.Default.CreateRackRequest, ct)).EnsureSuccessStatusCode();
}

Console.WriteLine($"meshd ({configuration}) at {meshd.Endpoint}; {Environment.ProcessorCount} cores; {workers} workers");

var creates = await LoadLoop.RunAsync("POST /v1/environments (create)", environments, workers, async (i, token) =>
{
    var body = new CreateEnvironmentRequest { Name = $"env-{i:D5}", Racks = ["rack-a", "rack-b"] };
    using var response = await http.PostAsJsonAsync("v1/environments", body, WidemeshJsonContext.Default.CreateEnvironmentRequest, token);
    response.EnsureSuccessStatusCode();
}, ct);

async Task GetAsync(string path, CancellationToken token)
{
    using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, token);
    response.EnsureSuccessStatusCode();
}

await LoadLoop.RunAsync("warm-up", 2_000, workers, (_, token) => GetAsync("healthz", token), ct);
await LoadLoop.RunAsync("warm-up", 2_000, workers, (_, token) => GetAsync("v1/environments/env-00042", token), ct);

// The machine is shared and noisy: alternate short rounds of the baseline and the GET, and compare
// the medians of the rounds, so a burst of load elsewhere hits both sides alike.
var trivialRounds = new List<LoadResult>();
var getRounds = new List<LoadResult>();
for (var round = 0; round < Rounds; round++)
{
    trivialRounds.Add(await LoadLoop.RunAsync("GET /healthz (baseline)", requests / Rounds, workers, (_, token) => GetAsync("healthz", token), ct));
    getRounds.Add(await LoadLoop.RunAsync("GET /v1/environments/{name}", requests / Rounds, workers, (_, token) => GetAsync("v1/environments/env-00042", token), ct));
}

var trivial = LoadResult.Median(trivialRounds);
var get = LoadResult.Median(getRounds);

await LoadLoop.RunAsync("warm-up", 3, 1, (_, token) => GetAsync("v1/environments", token), ct);
var list = await LoadLoop.RunAsync($"GET /v1/environments ({environments:N0} items)", 30, 1, (_, token) => GetAsync("v1/environments", token), ct);
var listed = await http.GetFromJsonAsync("v1/environments", WidemeshJsonContext.Default.EnvironmentList, ct);
if (listed?.Items.Count != environments)
{
    throw new InvalidOperationException($"Expected {environments} environments, got {listed?.Items.Count}.");
}

Console.WriteLine();
Console.WriteLine("| run | requests | workers | req/s | p50 ms | p90 ms | p99 ms |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var result in new[] { creates, trivial, get, list })
{
    Console.WriteLine(result.ToRow());
}

var ratio = get.RequestsPerSecond / trivial.RequestsPerSecond;
var listMedian = list.Percentile(50);
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET one environment / trivial endpoint (median of {Rounds} alternating rounds): {ratio:0.00}x (target >= 0.5x) {(ratio >= 0.5 ? "PASS" : "FAIL")}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"List of {environments:N0} environments, median: {listMedian:0.0} ms (target < 100 ms) {(listMedian < 100 ? "PASS" : "FAIL")}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Creates: {creates.RequestsPerSecond:0}/s"));
return ratio >= 0.5 && listMedian < 100 ? 0 : 1;

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

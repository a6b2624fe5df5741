// The web stack: answers on $HOST:$PORT, says hello with a visit counter kept in the kv service
// (reached by its name, kv, inside the environment) and the worker's tick count.
var host = Environment.GetEnvironmentVariable("HOST") ?? "127.0.0.1";
var port = Environment.GetEnvironmentVariable("PORT") ?? "8080";
var kv = new Uri(Environment.GetEnvironmentVariable("KV_URL") ?? "http://kv:7000");
var greeting = Environment.GetEnvironmentVariable("GREETING") ?? "Hello";
var instance = Environment.GetEnvironmentVariable("WIDEMESH_INSTANCE") ?? "web";
var rack = Environment.GetEnvironmentVariable("WIDEMESH_RACK") ?? "local";

var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls($"http://{host}:{port}");
builder.Logging.ClearProviders();
var app = builder.Build();
using var http = new HttpClient { BaseAddress = kv, Timeout = TimeSpan.FromSeconds(2) };

app.MapGet("/health", () => "ok\n");
app.MapGet("/", async (CancellationToken cancellationToken) =>
{
    using var visit = await http.PostAsync("visits/incr", null, cancellationToken);
    var visits = (await visit.Content.ReadAsStringAsync(cancellationToken)).Trim();
    var ticks = (await http.GetStringAsync("ticks", cancellationToken)).Trim();
    return $"{greeting} from {instance} on rack {rack}: visit {visits}, worker ticks {ticks}\n";
});

Console.WriteLine($"{instance} listening on http://{host}:{port}, kv at {kv}");
app.Run();

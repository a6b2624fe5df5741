using System.Text;

namespace Widemesh.Logs.Benchmarks;

/// <summary>Realistic-looking access log lines (about 150 bytes each), in 1 MiB chunks of whole lines.</summary>
internal static class LogLines
{
    public static byte[] Chunk(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(1024 * 1024 + 512);
        string[] paths = ["/", "/items", "/items/42", "/cart", "/checkout", "/api/v1/orders?page=3", "/static/app.js"];
        while (text.Length < 1024 * 1024)
        {
            text.Append("2026-03-01T12:00:00.123Z INFO request method=GET path=")
                .Append(paths[random.Next(paths.Length)])
                .Append(" status=").Append(random.Next(10) == 0 ? 500 : 200)
                .Append(" duration_ms=").Append(random.Next(1, 900))
                .Append(" request_id=").Append(random.NextInt64().ToString("x16", System.Globalization.CultureInfo.InvariantCulture))
                .Append(" user_agent=\"curl/8.5.0\"\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The same lines as an NDJSON ingest body.</summary>
    public static byte[] Ndjson(byte[] chunk)
    {
        var body = new StringBuilder(chunk.Length * 2);
        foreach (var line in Encoding.UTF8.GetString(chunk).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            body.Append("{\"stack\":\"web\",\"instance\":\"web-1\",\"message\":").Append(System.Text.Json.JsonSerializer.Serialize(line)).Append("}\n");
        }

        return Encoding.UTF8.GetBytes(body.ToString());
    }
}

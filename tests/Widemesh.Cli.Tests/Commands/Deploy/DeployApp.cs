using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Commands.Deploy;

/// <summary>A throwaway application directory for <c>mesh deploy</c>: a manifest and a tiny Python HTTP server.</summary>
internal static class DeployApp
{
    /// <summary>Answers 200 on every path, or 500 on /health when <c>SICK</c> is set; prints a line when it starts.</summary>
    public const string Server = """
        import os
        from http.server import BaseHTTPRequestHandler, HTTPServer
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                status = 500 if os.environ.get("SICK") and self.path == "/health" else 200
                self.send_response(status); self.send_header("Content-Length", "3"); self.end_headers(); self.wfile.write(b"ok\n")
            def log_message(self, *args):
                pass
        print("app starting on " + os.environ.get("HOST", "?") + ":" + os.environ.get("PORT", "?"), flush=True)
        HTTPServer((os.environ.get("HOST", "127.0.0.1"), int(os.environ.get("PORT", "8080"))), Handler).serve_forever()
        """;

    public static string Create(string manifest)
    {
        var directory = Some.TempDirectory("mesh-deploy-app");
        File.WriteAllText(Path.Combine(directory, "app.py"), Server);
        File.WriteAllText(Path.Combine(directory, "widemesh.hcl"), manifest);
        return directory;
    }

    public static string Manifest(int publicPort, string extra = "") => $$"""
        stack "web" {
          command     = "/usr/bin/python3 -u app.py"
          port        = 8080
          public_port = {{publicPort}}
          health_check {
            path             = "/health"
            interval_seconds = 1
          }
        }

        service "cache" {
          command = "/usr/bin/python3 -u app.py"
          port    = 7000
        }
        {{extra}}
        """;

    public static int SomePort() => 20000 + Random.Shared.Next(20000);
}

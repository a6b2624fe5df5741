using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Widemesh.Dns.Benchmarks;

/// <summary>BIND (<c>named</c>) on a free loopback port, authoritative for a zone of <c>env-NNNNN</c> A records like the benchmark's.</summary>
internal sealed class BindServer : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/named";

    private readonly Process _process;
    private readonly string _directory;

    private BindServer(Process process, string directory, IPEndPoint endPoint, string version)
    {
        _process = process;
        _directory = directory;
        EndPoint = endPoint;
        Version = version;
    }

    public IPEndPoint EndPoint { get; }

    public string Version { get; }

    public static async Task<BindServer?> StartAsync(string zone, int environments, CancellationToken cancellationToken)
    {
        if (!File.Exists(Executable))
        {
            return null;
        }

        var directory = Directory.CreateTempSubdirectory("widemesh-bind-").FullName;
        int port;
        using (var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            port = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
        }

        var records = new StringBuilder($"$TTL 60\n@ IN SOA ns.{zone}. hostmaster.{zone}. 1 3600 600 86400 60\n@ IN NS ns.{zone}.\nns IN A 127.0.0.1\n");
        for (var i = 0; i < environments; i++)
        {
            records.Append(System.Globalization.CultureInfo.InvariantCulture, $"env-{i:D5} IN A 127.0.1.1\nenv-{i:D5} IN TXT \"racks=rack-a\"\n");
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "zone.db"), records.ToString(), cancellationToken);
        var config = Path.Combine(directory, "named.conf");
        await File.WriteAllTextAsync(config, $$"""
            options {
              directory "{{directory}}";
              pid-file "{{directory}}/named.pid";
              listen-on port {{port}} { 127.0.0.1; };
              listen-on-v6 { none; };
              recursion no;
              allow-query { 127.0.0.1; };
            };
            zone "{{zone}}" { type primary; file "{{directory}}/zone.db"; };
            """, cancellationToken);

        var process = Process.Start(new ProcessStartInfo(Executable, ["-f", "-c", config])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var endPoint = new IPEndPoint(IPAddress.Loopback, port);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            using var tcp = new TcpClient();
            try
            {
                await tcp.ConnectAsync(endPoint, cancellationToken);
                break;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        using var versionProcess = Process.Start(new ProcessStartInfo(Executable, ["-v"]) { UseShellExecute = false, RedirectStandardOutput = true })!;
        var version = (await versionProcess.StandardOutput.ReadToEndAsync(cancellationToken)).Trim();
        return new BindServer(process, directory, endPoint, version);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}

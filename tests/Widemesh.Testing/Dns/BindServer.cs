using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Widemesh.Testing.Dns;

/// <summary>
/// A real BIND (<c>named</c>) on a free loopback port with its own temp directory, primary for one zone that
/// accepts RFC 2136 updates and zone transfers signed with one TSIG key (hmac-sha256). Debian's <c>bind9</c> package is installed
/// when missing and the tests run as root; otherwise <see cref="StartAsync"/> returns the reason to skip.
/// <see cref="StopAsync"/> and <see cref="StartAgainAsync"/> take it down and bring it back on the same port.
/// </summary>
public sealed class BindServer : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/named";

    private readonly string _directory;
    private readonly StringBuilder _log = new();
    private Process? _process;

    private BindServer(string directory, IPEndPoint endPoint, string zone, string keyName, string secret)
    {
        _directory = directory;
        EndPoint = endPoint;
        Zone = zone;
        KeyName = keyName;
        Secret = secret;
    }

    public IPEndPoint EndPoint { get; }

    public string Zone { get; }

    /// <summary>The name of the TSIG key the zone accepts updates from.</summary>
    public string KeyName { get; }

    /// <summary>The key's secret (base64).</summary>
    public string Secret { get; }

    /// <summary>What named wrote to stderr (its log, with <c>-g</c>).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <param name="grantUpdates">False for a zone that knows the key but refuses every update (REFUSED).</param>
    public static async Task<(BindServer? Server, string? SkipReason)> StartAsync(string zone, string keyName, CancellationToken cancellationToken, bool grantUpdates = true)
    {
        if (!File.Exists(Executable) && await InstallAsync(cancellationToken) is { } reason)
        {
            return (null, reason);
        }

        var directory = Directory.CreateTempSubdirectory("widemesh-bind-").FullName;
        var server = new BindServer(directory, new IPEndPoint(IPAddress.Loopback, LoopbackPorts.UdpAndTcp()), zone, keyName, NewSecret());
        await File.WriteAllTextAsync(Path.Combine(directory, "zone.db"), $"""
            $TTL 60
            @ IN SOA ns.{zone}. hostmaster.{zone}. 1 3600 600 86400 60
            @ IN NS ns.{zone}.
            ns IN A 127.0.0.1

            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "named.conf"), $$"""
            key "{{keyName}}" { algorithm hmac-sha256; secret "{{server.Secret}}"; };
            controls { };
            options {
              directory "{{directory}}";
              pid-file "{{directory}}/named.pid";
              session-keyfile "{{directory}}/session.key";
              managed-keys-directory "{{directory}}";
              listen-on port {{server.EndPoint.Port}} { 127.0.0.1; };
              listen-on-v6 { none; };
              recursion no;
              dnssec-validation no;
              allow-query { 127.0.0.1; };
              notify no;
            };
            zone "{{zone}}" {
              type primary;
              file "{{directory}}/zone.db";
              {{(grantUpdates ? $"update-policy {{ grant \"{keyName}\" zonesub ANY; }};" : "allow-update { none; };")}}
              allow-transfer { key "{{keyName}}"; };
            };
            """, cancellationToken);
        try
        {
            await server.StartAgainAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return (server, null);
    }

    /// <summary>Writes a BIND key file for <paramref name="keyName"/> readable by its owner only (0600), as meshd requires.</summary>
    public static async Task<string> WriteKeyFileAsync(string path, string keyName, string secret, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(path, $"key \"{keyName}\" {{\n\talgorithm hmac-sha256;\n\tsecret \"{secret}\";\n}};\n", cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Starts named (again) on the same port, with the zone as it was (journal included).</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        var process = Process.Start(new ProcessStartInfo(Executable, ["-g", "-c", Path.Combine(_directory, "named.conf")])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"named exited with code {process.ExitCode}:\n{Log}");
            }

            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(EndPoint, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        throw new InvalidOperationException($"named did not listen on {EndPoint} within 20 s:\n{Log}");
    }

    /// <summary>Kills named: the port stops answering until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<string?> InstallAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux() || System.Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            return "BIND is not installed, and installing it needs apt-get as root (run `apt-get install bind9`).";
        }

        var (code, output) = await AptGetAsync(["install", "-y", "--no-install-recommends", "bind9"], cancellationToken);
        if (code != 0 || !File.Exists(Executable))
        {
            await AptGetAsync(["update"], cancellationToken);
            (code, output) = await AptGetAsync(["install", "-y", "--no-install-recommends", "bind9"], cancellationToken);
        }

        return code == 0 && File.Exists(Executable) ? null : $"BIND is not installed and `apt-get install bind9` failed ({code}): {output}";
    }

    private static async Task<(int Code, string Output)> AptGetAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("apt-get", arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await errors + await output);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Widemesh.Platform.Tests.Drains;

/// <summary>
/// A real rsyslogd, run in the foreground as a child process on a loopback TCP port (imtcp, octet counting) with
/// its own temp directory. It writes every message it receives to <see cref="OutputPath"/> as one line of
/// <c>PRI|HOSTNAME|APP-NAME|PROCID|MSGID|STRUCTURED-DATA|MSG</c>. Dispose kills it and deletes the directory.
/// </summary>
internal sealed class RsyslogServer : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/rsyslogd";

    private static readonly string GtlsDriver = $"/usr/lib/{(System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "aarch64" : "x86_64")}-linux-gnu/rsyslog/lmnsd_gtls.so";

    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    private readonly string _directory;
    private Process? _process;

    private RsyslogServer(string directory, int port, bool tls)
    {
        _directory = directory;
        Port = port;
        Tls = tls;
    }

    public bool Tls { get; }

    /// <summary>With <see cref="Tls"/>: the self-signed certificate (for 127.0.0.1) the server presents, as PEM.</summary>
    public string CertificatePath => Path.Combine(_directory, "cert.pem");

    public int Port { get; }

    public string OutputPath => Path.Combine(_directory, "received.log");

    public string Url => $"syslog+{(Tls ? "tls" : "tcp")}://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts rsyslogd, installing it with apt-get first when it is missing and the tests run as root.</summary>
    public static Task<RsyslogServer> StartAsync(CancellationToken cancellationToken) => StartAsync(tls: false, cancellationToken);

    /// <summary>Starts rsyslogd; with <paramref name="tls"/> it listens with TLS (gtls driver) and a fresh self-signed certificate.</summary>
    public static async Task<RsyslogServer> StartAsync(bool tls, CancellationToken cancellationToken)
    {
        await EnsureInstalledAsync(tls ? "rsyslog-gnutls" : "rsyslog", tls ? GtlsDriver : Executable, cancellationToken);
        var directory = Path.Combine(Path.GetTempPath(), "widemesh-rsyslog-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var server = new RsyslogServer(directory, Widemesh.Testing.LoopbackPorts.Tcp(), tls);
        if (tls)
        {
            await server.WriteCertificateAsync(cancellationToken);
        }

        await server.StartAgainAsync(cancellationToken);
        return server;
    }

    /// <summary>Starts rsyslogd (again) on the same port and output file.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        var config = Path.Combine(_directory, "rsyslog.conf");
        await File.WriteAllTextAsync(config, $$"""
            global(workDirectory="{{_directory}}" maxMessageSize="128k"{{TlsGlobals()}})
            module(load="imtcp"{{(Tls ? " streamDriver.name=\"gtls\" streamDriver.mode=\"1\" streamDriver.authMode=\"anon\"" : string.Empty)}})
            template(name="widemesh" type="list") {
              property(name="pri") constant(value="|")
              property(name="hostname") constant(value="|")
              property(name="app-name") constant(value="|")
              property(name="procid") constant(value="|")
              property(name="msgid") constant(value="|")
              property(name="structured-data") constant(value="|")
              property(name="msg") constant(value="\n")
            }
            input(type="imtcp" address="127.0.0.1" port="{{Port}}")
            if $inputname == "imtcp" then action(type="omfile" file="{{OutputPath}}" template="widemesh" asyncWriting="off" flushOnTXEnd="on")
            """, cancellationToken);
        var start = new ProcessStartInfo(Executable, ["-n", "-f", config, "-i", Path.Combine(_directory, "rsyslogd.pid")])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("rsyslogd did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(15) && !_process.HasExited)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    /// <summary>Stops rsyslogd with SIGTERM (it writes what it has received first) and waits until it is gone.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is not { } process)
        {
            return;
        }

        if (!process.HasExited)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
            await kill.WaitForExitAsync(cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken);
        process.Dispose();
        _process = null;
    }

    /// <summary>The lines rsyslogd has written so far.</summary>
    public string[] Lines() =>
        File.Exists(OutputPath) ? File.ReadAllLines(OutputPath).Where(l => l.Length > 0).ToArray() : [];

    /// <summary>Waits until at least <paramref name="count"/> lines arrived (up to 20 s) and returns all of them.</summary>
    public async Task<string[]> WaitForLinesAsync(int count, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var lines = Lines();
            if (lines.Length >= count || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                return lines;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            await process.WaitForExitAsync(CancellationToken.None);
            process.Dispose();
            _process = null;
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // rsyslogd may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static async Task EnsureInstalledAsync(string package, string file, CancellationToken cancellationToken)
    {
        await InstallGate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(file))
            {
                return;
            }

            if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
            {
                Assert.Skip($"{package} is not installed ({file} is missing) and the tests do not run as root to install it: run 'apt-get install -y {package}' once, then the drain tests run against it.");
            }

            var (exitCode, output) = await AptGetAsync(["install", "-y", "--no-install-recommends", package], cancellationToken);
            if (exitCode != 0)
            {
                // A fresh machine may have no package lists yet.
                await AptGetAsync(["update"], cancellationToken);
                (exitCode, output) = await AptGetAsync(["install", "-y", "--no-install-recommends", package], cancellationToken);
            }

            if (exitCode != 0 || !File.Exists(file))
            {
                Assert.Skip($"{package} is not installed and 'apt-get install -y {package}' failed (exit {exitCode}): {output}");
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task<(int ExitCode, string Output)> AptGetAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("apt-get", arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, ((await errors).Trim() + " " + (await output).Trim()).Trim());
    }

    private string TlsGlobals() => Tls
        ? $" defaultNetstreamDriver=\"gtls\" defaultNetstreamDriverCAFile=\"{CertificatePath}\" defaultNetstreamDriverCertFile=\"{CertificatePath}\" defaultNetstreamDriverKeyFile=\"{Path.Combine(_directory, "key.pem")}\""
        : string.Empty;

    private async Task WriteCertificateAsync(CancellationToken cancellationToken)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllTextAsync(CertificatePath, certificate.ExportCertificatePem() + "\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_directory, "key.pem"), key.ExportPkcs8PrivateKeyPem() + "\n", cancellationToken);
    }
}

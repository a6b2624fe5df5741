using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Widemesh.Sdk.Client;

namespace Widemesh.Testing.Meshd;

/// <summary>
/// The real <c>meshd</c> executable, started on a free loopback port with a temp data directory.
/// Dispose kills it and deletes the directory (unless the caller gave its own). meshd runs with
/// <c>MESHD_EXIT_WITH_STDIN=1</c> and our pipe as its stdin, so it also stops if the test host dies.
/// </summary>
public sealed class MeshdProcess : IAsyncDisposable
{
    private const int MaxOutputLines = 2000;

    private readonly MeshdOptions _options;
    private readonly bool _ownsDataDirectory;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private Process? _process;
    private volatile bool _listening;

    private MeshdProcess(MeshdOptions options, string dataDirectory, bool ownsDataDirectory, int port)
    {
        _options = options;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Endpoint { get; private set; }

    /// <summary>Where meshd's DNS server answers (UDP and TCP), when <see cref="MeshdOptions.Dns"/> is on.</summary>
    public IPEndPoint? DnsEndPoint { get; private set; }

    public string DataDirectory { get; }

    /// <summary>The admin token meshd wrote to <c>admin.token</c> on first start.</summary>
    public string AdminToken { get; private set; } = string.Empty;

    /// <summary>The process id of the running meshd, or null when it is not running.</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>What meshd wrote to stdout and stderr (the last lines), for assertions and failure messages.</summary>
    public string Output => string.Join('\n', _output);

    public static async Task<MeshdProcess> StartAsync(MeshdOptions? options, CancellationToken cancellationToken)
    {
        options ??= new MeshdOptions();
        var ownsDataDirectory = options.DataDirectory is null;
        var dataDirectory = options.DataDirectory
            ?? Path.Combine(Path.GetTempPath(), "widemesh-meshd-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);

        var meshd = new MeshdProcess(options, dataDirectory, ownsDataDirectory, options.Port ?? LoopbackPorts.Tcp())
        {
            DnsEndPoint = options is { Dns: true, DnsPort: { } dnsPort } ? new IPEndPoint(IPAddress.Loopback, dnsPort) : null,
        };
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await meshd.LaunchAsync(cancellationToken);
                    return meshd;
                }
                catch (MeshdStartException exception) when (attempt < 5 && (exception.AddressTaken || meshd.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase)))
                {
                    // A free port is only free until someone binds it: another process, or a client's ephemeral
                    // port, can take it between LoopbackPorts and meshd's bind. Pick fresh ones.
                    await meshd.KillHardAsync(cancellationToken);
                    meshd._output.Clear();
                    meshd.Endpoint = new Uri($"http://127.0.0.1:{LoopbackPorts.Tcp()}/");
                    meshd.DnsEndPoint = null;
                }
            }
        }
        catch
        {
            await meshd.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client for this server; with the admin token unless another is given.</summary>
    public WidemeshClient CreateClient(string? token = null) =>
        new(new WidemeshClientOptions
        {
            Endpoint = Endpoint,
            Token = token ?? AdminToken,
            Timeout = TimeSpan.FromSeconds(20),
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        });

    /// <summary>Kills meshd with SIGKILL, as a crash or power loss would, and waits until it is gone.</summary>
    public async Task KillHardAsync(CancellationToken cancellationToken = default)
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(cancellationToken);
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Asks meshd to stop with SIGTERM and waits for it to exit; returns its exit code.</summary>
    public async Task<int> StopAsync(CancellationToken cancellationToken = default)
    {
        if (_process is not { } process)
        {
            return 0;
        }

        if (!process.HasExited)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
            await kill.WaitForExitAsync(cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken);
        var exitCode = process.ExitCode;
        process.Dispose();
        _process = null;
        return exitCode;
    }

    /// <summary>Closes meshd's standard input, as a dying supervisor would; meshd then shuts down by itself.</summary>
    public void CloseStandardInput() => _process?.StandardInput.Close();

    /// <summary>Starts meshd again on the same port and data directory (killing it first if it runs).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await KillHardAsync(cancellationToken);
        await LaunchAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // A graceful stop first: meshd then stops its local instances and deletes their network namespaces,
        // which a SIGKILL would leave behind on the machine. Killed after 10 s if it does not exit.
        try
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await StopAsync(grace.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Still running after the grace period, or already gone: killed below.
        }

        try
        {
            await KillHardAsync(CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // The process was never started or is already gone.
        }

        _probe.Dispose();
        if (_ownsDataDirectory && Directory.Exists(DataDirectory))
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file may still be held briefly by the dying process; the temp folder is cleaned by the OS.
            }
        }
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_options.ExecutablePath ?? MeshdExecutable.Find())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add("--data-dir");
        start.ArgumentList.Add(DataDirectory);
        start.ArgumentList.Add("--listen");
        start.ArgumentList.Add(Endpoint.GetLeftPart(UriPartial.Authority));
        start.ArgumentList.Add("--dns-listen");
        if (_options.Dns)
        {
            DnsEndPoint ??= new IPEndPoint(IPAddress.Loopback, LoopbackPorts.UdpAndTcp());
            start.ArgumentList.Add(DnsEndPoint.ToString());
        }
        else
        {
            start.ArgumentList.Add("off");
        }

        if (_options.Zone is { } zone)
        {
            start.ArgumentList.Add("--zone");
            start.ArgumentList.Add(zone);
        }

        foreach (var argument in _options.ExtraArguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MESHD_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["MESHD_EXIT_WITH_STDIN"] = "1";
        foreach (var (name, value) in _options.Environment)
        {
            start.Environment[name] = value;
        }

        _listening = false;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        await WaitUntilReadyAsync(process, cancellationToken);
        var tokenFile = Path.Combine(DataDirectory, "admin.token");
        AdminToken = File.Exists(tokenFile) ? (await File.ReadAllTextAsync(tokenFile, cancellationToken)).Trim() : string.Empty;
        await EnsureDnsListensAsync(cancellationToken);
    }

    /// <summary>
    /// meshd goes on without DNS when its DNS port is taken (it logs so); a test that asked for DNS needs it.
    /// The DNS server starts before the HTTP listener, so its line is written by now; the output is read asynchronously.
    /// </summary>
    private async Task EnsureDnsListensAsync(CancellationToken cancellationToken)
    {
        if (_options.Dns)
        {
            var waited = Stopwatch.StartNew();
            while (!Output.Contains("DNS: answering for", StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromSeconds(2))
            {
                if (Output.Contains("DNS is off: cannot listen", StringComparison.Ordinal))
                {
                    throw new MeshdStartException($"meshd could not listen for DNS on {DnsEndPoint}. Output:\n{Output}", addressTaken: true);
                }

                await Task.Delay(20, cancellationToken);
            }
        }
    }

    private async Task WaitUntilReadyAsync(Process process, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var readyz = new Uri(Endpoint, "readyz");
        while (deadline.Elapsed < _options.StartTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                await process.WaitForExitAsync(cancellationToken);
                throw new MeshdStartException($"meshd exited with code {process.ExitCode} before it was ready. Output:\n{Output}");
            }

            // A ready answer proves that *a* server listens on the port, not that it is ours: when another process
            // took the port first, it answers while our meshd fails to bind and exits. So first our meshd must say
            // that it listens there.
            if (!_listening)
            {
                await Task.Delay(20, cancellationToken);
                continue;
            }

            try
            {
                using var response = await _probe.GetAsync(readyz, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The probe timed out; try again.
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new MeshdStartException($"meshd was not ready at {readyz} within {_options.StartTimeout}. Output:\n{Output}");
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("Now listening on: " + Endpoint.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal))
        {
            _listening = true;
        }

        _output.Enqueue(line);
        while (_output.Count > MaxOutputLines && _output.TryDequeue(out _))
        {
        }
    }
}

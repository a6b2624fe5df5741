using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Widemesh.Platform.Logs;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Racks.Local;

/// <summary>
/// One instance of a stack or service and its supervisor: starts the command in the environment's namespace, feeds
/// its output to the log store, checks its port, and restarts it when it exits (backoff 1 s doubling to 30 s, back to
/// 1 s after 60 s of running). Stopping sends SIGTERM to its process group, then SIGKILL after the grace.
/// </summary>
internal sealed partial class LocalInstance
{
    private readonly LocalEnvironmentContext _context;
    private readonly string _workingDirectory;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Process? _process;
    private Task _loop = Task.CompletedTask;
    private string _state = InstanceStates.Starting;
    private int? _pid;
    private int _restarts;
    private DateTimeOffset? _startedAt;
    private int? _lastExitCode;
    private string? _message;

    public LocalInstance(LocalEnvironmentContext context, LocalComponent component, int index, string host, string workingDirectory)
    {
        _context = context;
        Component = component;
        Index = index;
        Host = host;
        _workingDirectory = workingDirectory;
        Output = new InstanceOutput(context.Logs, context.EnvironmentId, new LogSourceRef(context.RackName, component.Kind, component.Name, Id), context.Logger);
    }

    public LocalComponent Component { get; }

    public int Index { get; }

    /// <summary>The address the instance binds (its <c>HOST</c>).</summary>
    public string Host { get; }

    public string Id => $"{Component.Name}.{Index.ToString(CultureInfo.InvariantCulture)}";

    public InstanceOutput Output { get; }

    /// <summary>True when ingress may send it connections.</summary>
    public bool IsServing
    {
        get
        {
            lock (_gate)
            {
                return _state is InstanceStates.Healthy or InstanceStates.Running;
            }
        }
    }

    public void Start() => _loop = Task.Run(() => SuperviseAsync(_stopping.Token));

    /// <summary>Stops the instance for good: SIGTERM to its process group, SIGKILL after the grace.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Process? process;
        lock (_gate)
        {
            _stopping.Cancel();
            process = _process;
        }

        if (process is not null)
        {
            await TerminateAsync(process, _context.Settings.StopGrace, cancellationToken);
        }

        await _loop;
        lock (_gate)
        {
            _state = InstanceStates.Stopped;
            _pid = null;
        }

        LocalRuntimeLog.InstanceStopped(_context.Logger, _context.EnvironmentName, _context.RackName, Id);
    }

    public InstanceInfo Snapshot(string? extraMessage)
    {
        lock (_gate)
        {
            return new InstanceInfo
            {
                Id = Id,
                Rack = _context.RackName,
                Kind = Component.KindName,
                Name = Component.Name,
                Index = Index,
                State = _state,
                Pid = _pid,
                Restarts = _restarts,
                StartedAt = _startedAt,
                LastExitCode = _lastExitCode,
                Address = Component.Port is { } port ? $"{Host}:{port.ToString(CultureInfo.InvariantCulture)}" : null,
                Message = _message is null ? extraMessage : extraMessage is null ? _message : $"{_message}; {extraMessage}",
            };
        }
    }

    /// <summary>The supervisor never dies silently: anything unexpected is logged and shown on the instance.</summary>
    private async Task SuperviseAsync(CancellationToken stopping)
    {
        try
        {
            await RunAsync(stopping);
        }
        catch (Exception exception)
        {
            LocalRuntimeLog.SupervisorFailed(_context.Logger, exception, _context.EnvironmentName, _context.RackName, Id);
            lock (_gate)
            {
                Crashed(null, $"meshd stopped supervising it after an internal error ({exception.GetType().Name}: {exception.Message}); please report this");
            }
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var crashesInARow = 0;
        while (!stopping.IsCancellationRequested)
        {
            var ran = await RunOnceAsync(stopping);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            crashesInARow = ran >= _context.Settings.BackoffReset ? 1 : crashesInARow + 1;
            var delay = Backoff(crashesInARow);
            string problem;
            lock (_gate)
            {
                problem = _message ?? "stopped";
            }

            LocalRuntimeLog.InstanceCrashed(_context.Logger, _context.EnvironmentName, _context.RackName, Id, problem, delay);
            try
            {
                await Task.Delay(delay, _context.Time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lock (_gate)
            {
                _restarts++;
            }
        }
    }

    private TimeSpan Backoff(int crashesInARow)
    {
        var settings = _context.Settings;
        var factor = Math.Pow(2, Math.Min(crashesInARow - 1, 16));
        return TimeSpan.FromTicks((long)Math.Min(settings.MaxBackoff.Ticks, settings.FirstBackoff.Ticks * factor));
    }

    /// <summary>Runs the command once, until it exits or the instance stops; returns how long it ran.</summary>
    private async Task<TimeSpan> RunOnceAsync(CancellationToken stopping)
    {
        var process = new Process { StartInfo = StartInfo() };
        lock (_gate)
        {
            if (stopping.IsCancellationRequested)
            {
                process.Dispose();
                return TimeSpan.Zero;
            }

            if (PortProblem() is { } portProblem)
            {
                Crashed(null, portProblem);
                process.Dispose();
                return TimeSpan.Zero;
            }

            try
            {
                process.Start();
            }
            catch (Win32Exception exception)
            {
                Crashed(null, $"could not start: {exception.Message}");
                process.Dispose();
                return TimeSpan.Zero;
            }

            _process = process;
            _pid = process.Id;
            _startedAt = _context.Time.GetUtcNow();
            _state = InstanceStates.Starting;
            _message = null;
        }

        using (process)
        {
            var started = _context.Time.GetTimestamp();
            process.StandardInput.Close();
            WritePidFile(process.Id);
            LocalRuntimeLog.InstanceStarted(_context.Logger, _context.EnvironmentName, _context.RackName, Id, process.Id);
            var stdout = Output.PumpAsync(process.StandardOutput.BaseStream, LogStream.Stdout, CancellationToken.None);
            var stderr = Output.PumpAsync(process.StandardError.BaseStream, LogStream.Stderr, CancellationToken.None);
            using var exited = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var watch = WatchAsync(exited.Token);

            await process.WaitForExitAsync(CancellationToken.None);
            await exited.CancelAsync();
            await watch;

            // Output still buffered in the pipes comes first; a child that keeps the pipe open does not hold us up.
            await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(1), _context.Time, CancellationToken.None));
            DeletePidFile();
            var ran = _context.Time.GetElapsedTime(started);
            lock (_gate)
            {
                _process = null;
                _pid = null;
                if (!stopping.IsCancellationRequested)
                {
                    Crashed(process.ExitCode, Describe(process.ExitCode));
                }
            }

            return ran;
        }
    }

    private void Crashed(int? exitCode, string message)
    {
        _state = InstanceStates.Crashed;
        _lastExitCode = exitCode ?? _lastExitCode;
        _message = message;
    }

    private string Describe(int exitCode)
    {
        var what = exitCode switch
        {
            127 => $"exited with code 127: the command was not found (`{Component.Command}`)",
            126 => $"exited with code 126: the command is not executable (`{Component.Command}`)",
            > 128 and < 160 => $"was killed by signal {exitCode - 128}",
            _ => $"exited with code {exitCode.ToString(CultureInfo.InvariantCulture)}",
        };
        return WithLastOutput(what);
    }

    private static async Task TerminateAsync(Process process, TimeSpan stopGrace, CancellationToken cancellationToken)
    {
        Signal(process, LocalNative.SigTerm);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(stopGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            Signal(process, LocalNative.SigKill);
        }
        catch (InvalidOperationException)
        {
            // Already reaped.
        }
    }

    /// <summary>Signals the instance's process group (it is a session leader), or the process when that fails.</summary>
    private static void Signal(Process process, int signal)
    {
        try
        {
            var pid = process.Id;
            if (LocalNative.Kill(-pid, signal) != 0)
            {
                _ = LocalNative.Kill(pid, signal);
            }
        }
        catch (InvalidOperationException)
        {
            // The process is gone.
        }
    }
}

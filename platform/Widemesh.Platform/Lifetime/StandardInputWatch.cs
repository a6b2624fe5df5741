namespace Widemesh.Platform.Lifetime;

/// <summary>
/// With <c>MESHD_EXIT_WITH_STDIN=1</c>, meshd stops gracefully when its standard input reaches end
/// of file: a supervisor (a test host, a process manager) that dies, even by SIGKILL, takes meshd
/// with it instead of leaving it running.
/// </summary>
internal sealed class StandardInputWatch(IHostApplicationLifetime lifetime) : BackgroundService
{
    public const string Variable = "MESHD_EXIT_WITH_STDIN";

    public static bool IsRequested => Environment.GetEnvironmentVariable(Variable) == "1";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A read of standard input cannot be cancelled on Unix, so stopping must not wait for it:
        // otherwise every shutdown would last the whole host shutdown timeout.
        var endOfInput = Task.Run(ReadToEndAsync, CancellationToken.None);
        var stopping = Task.Delay(Timeout.Infinite, stoppingToken);
        if (await Task.WhenAny(endOfInput, stopping) == endOfInput && !stoppingToken.IsCancellationRequested)
        {
            lifetime.StopApplication();
        }
    }

    private static async Task ReadToEndAsync()
    {
        await using var input = Console.OpenStandardInput();
        var buffer = new byte[256];
        while (await input.ReadAsync(buffer) > 0)
        {
        }
    }
}

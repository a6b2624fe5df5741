using System.Diagnostics;
using Widemesh.Cli.Commands;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Testing.Meshd;
using Widemesh.Testing.Terraform.Plugin;

namespace Widemesh.Cli.Tests.Support;

/// <summary>
/// Runs mesh for a test, against the test's own account on the shared meshd, with its own home,
/// config and workspace directories: in process (the root command with captured writers) or as the
/// built <c>mesh</c> executable.
/// </summary>
internal sealed class MeshCli
{
    private MeshCli(string home, Uri endpoint, string token)
    {
        Endpoint = endpoint;
        Home = home;
        Workspace = Path.Combine(home, "workspace");
        Variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["HOME"] = home,
            ["XDG_CONFIG_HOME"] = Path.Combine(home, ".config"),
            ["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share"),
            ["WIDEMESH_ENDPOINT"] = endpoint.ToString(),
            ["WIDEMESH_TOKEN"] = token,
            ["WIDEMESH_WORKSPACE"] = Workspace,
            ["WIDEMESH_ENGINE"] = "builtin",
            ["PATH"] = System.Environment.GetEnvironmentVariable("PATH"),
            ["NO_COLOR"] = "1",
        };
        if (ProviderDirectory is { } provider)
        {
            Variables["WIDEMESH_PROVIDER_PATH"] = provider;
        }
    }

    public string Home { get; }

    public Uri Endpoint { get; }

    public string Workspace { get; }

    /// <summary>The environment of the run; tests change it (e.g. remove the token, pick an engine).</summary>
    public Dictionary<string, string?> Variables { get; }

    public static string RepositoryRoot { get; } = MeshdExecutable.FindRepositoryRoot();

    /// <summary>
    /// The mesh the process tests run: the NativeAOT build named by <c>WIDEMESH_MESH_AOT_PATH</c> (what
    /// <c>./build.sh test</c> sets, so the shipped artifact is what gets tested), else the debug apphost.
    /// </summary>
    public static string ExecutablePath { get; } =
        System.Environment.GetEnvironmentVariable("WIDEMESH_MESH_AOT_PATH") is { Length: > 0 } aot && File.Exists(aot)
            ? aot
            : Path.Combine(RepositoryRoot, "artifacts", "bin", "Widemesh.Cli", "debug", "mesh");

    /// <summary>The published provider for the terraform engine, when it has been built (<c>./build.sh publish</c>).</summary>
    public static string? ProviderDirectory
    {
        get
        {
            var directory = Path.Combine(RepositoryRoot, "artifacts", "provider-aot");
            return File.Exists(Path.Combine(directory, "terraform-provider-widemesh")) ? directory : null;
        }
    }

    public static async Task<MeshCli> CreateAsync(MeshdFixture fixture, CancellationToken cancellationToken)
    {
        var token = await fixture.CreateAccountTokenAsync(cancellationToken);
        return new MeshCli(Some.TempDirectory(), fixture.Meshd.Endpoint, token);
    }

    /// <summary>
    /// A mesh set up for the terraform engine: skips the test, saying <paramref name="needs"/>, when no terraform or
    /// tofu is on PATH, and points mesh at the published provider. That must match the provider code the built-in
    /// engine runs in process (same schema versions), so it is published again when the sources are newer.
    /// </summary>
    public static async Task<MeshCli> CreateForTerraformAsync(MeshdFixture fixture, string needs, CancellationToken cancellationToken)
    {
        if (Cli.Terraform.TerraformLocator.Find(new CliContext
        {
            Out = TextWriter.Null,
            Error = TextWriter.Null,
            GetVariable = System.Environment.GetEnvironmentVariable,
            HomeDirectory = Path.GetTempPath(),
            CurrentDirectory = Path.GetTempPath(),
        }) is null)
        {
            Assert.Skip($"No terraform or tofu on PATH: {needs}.");
        }

        var provider = await ProviderBinary.GetPathAsync(cancellationToken);
        var mesh = await CreateAsync(fixture, cancellationToken);
        mesh.Variables["WIDEMESH_PROVIDER_PATH"] = provider;
        return mesh;
    }

    /// <summary>Runs the root command in this process with captured writers.</summary>
    public async Task<MeshResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            GetVariable = name => Variables.GetValueOrDefault(name),
            HomeDirectory = Home,
            CurrentDirectory = Home,
        };
        var exitCode = await MeshCommand.InvokeAsync(args, context, cancellationToken);
        return new MeshResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built <c>mesh</c> executable as a child process with <paramref name="stdin"/> (when not null) as its input.</summary>
    public async Task<MeshResult> RunProcessAsync(string[] args, string? stdin, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Home,
        };
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in Variables)
        {
            if (value is not null)
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new MeshResult(process.ExitCode, await output, await error);
    }

    public string ReadWorkspaceFile(string name) => File.ReadAllText(Path.Combine(Workspace, name));

    public void WriteWorkspaceFile(string name, string text)
    {
        Directory.CreateDirectory(Workspace);
        File.WriteAllText(Path.Combine(Workspace, name), text);
    }

    /// <summary>A platform client with this test's token.</summary>
    public WidemeshClient CreateClient() => new(new WidemeshClientOptions
    {
        Endpoint = Endpoint,
        Token = Variables["WIDEMESH_TOKEN"],
        RetryBaseDelay = TimeSpan.FromMilliseconds(50),
    });

    /// <summary>Creates racks straight through the API (not through a workspace).</summary>
    public async Task CreateRacksAsync(string[] names, CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        foreach (var name in names)
        {
            await client.CreateRackAsync(new CreateRackRequest { Name = name }, cancellationToken);
        }
    }

    /// <summary>Runs mesh and fails the test, showing its output, unless it exits with <paramref name="expected"/>.</summary>
    public async Task<MeshResult> RunExpectingAsync(int expected, string[] args, CancellationToken cancellationToken)
    {
        var result = await RunAsync(args, cancellationToken);
        Assert.True(result.ExitCode == expected, $"mesh {string.Join(' ', args)} should exit {expected}:\n{result}");
        return result;
    }
}

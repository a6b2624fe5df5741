using System.Diagnostics;
using System.Globalization;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Deploy;
using Widemesh.Cli.Output;
using Widemesh.Cli.Workspace;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Naming;

namespace Widemesh.Cli.Commands.Deploy;

/// <summary>One run of <c>mesh deploy</c>, step by step (see <see cref="DeployCommand"/>).</summary>
internal sealed class DeployRun(CliContext context, DeployRequest request)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var manifest = await ManifestReader.LoadAsync(request.Directory, cancellationToken);
        var name = EnvironmentName(manifest);
        using var progress = new DeployProgress(context, name, request.Session.Json);

        if (manifest.Build is { } build)
        {
            progress.Step("build", $"Building: {build}");
            await BuildStep.RunAsync(context, request.Directory, build, cancellationToken);
        }

        EnvironmentInfo environment;
        var connection = new ConnectionResolver(context).Resolve();
        using var client = PlatformClientFactory.Create(connection);
        var existing = await client.GetEnvironmentAsync(name, cancellationToken);
        if (existing is null)
        {
            await CreateEnvironmentAsync(client, manifest, name, progress, cancellationToken);
        }

        var release = await UploadAsync(client, name, progress, cancellationToken);

        progress.Step("apply", $"Applying release {release.Number} of '{name}' ({Components(manifest)})");
        var appliedAt = context.Time.GetUtcNow();
        using (var workspace = await WorkspaceSession.OpenAsync(context, request.Session, "deploy", cancellationToken))
        {
            var documents = WorkspaceDocuments.Load(workspace.Path);
            documents.EnsureParsed();
            var location = documents.FindResource(WorkspaceLayout.EnvironmentType, name)
                ?? throw await WorkspaceErrors.NotInWorkspaceAsync(client, "environment", name, cancellationToken);
            WorkloadHcl.Apply(location.Block.Body, release.Id, manifest.Stacks, manifest.Services);
            workspace.Files.Write(location.RelativePath, location.File.ToFullString());
            await workspace.ApplyAsync(cancellationToken);
        }

        environment = await client.GetEnvironmentAsync(name, cancellationToken)
            ?? throw new CliException(ExitCodes.NotFound, $"Environment '{name}' vanished while deploying; run mesh deploy again.", "not-found");
        if (!request.Wait)
        {
            return Done(progress, environment, release, clock.Elapsed, "applied; not waiting for the instances (--no-wait)");
        }

        progress.Step("wait", $"Waiting for the instances of '{name}' on {string.Join(", ", environment.Racks)} (timeout {Sdk.Durations.DurationParser.Format(request.Timeout)})");
        var result = await new InstanceWaiter(context, client, progress).WaitAsync(environment, appliedAt, request.Timeout, cancellationToken);
        if (result.Succeeded)
        {
            return Done(progress, environment, release, clock.Elapsed, "every instance is ready");
        }

        return await FailAsync(client, progress, environment, release, result, cancellationToken);
    }

    private string EnvironmentName(DeployManifest manifest)
    {
        if ((request.Environment ?? manifest.Environment) is { } chosen)
        {
            return chosen;
        }

        var folder = Path.GetFileName(request.Directory.TrimEnd(Path.DirectorySeparatorChar));
        if (NameRules.Validate(folder, "the directory's name") is { } problem)
        {
            var suggestion = NameRules.Suggest(folder);
            throw new CliException(
                ExitCodes.Usage,
                $"{problem} The environment is named after the directory unless widemesh.hcl says environment = \"…\" or you pass --env{(suggestion is null ? string.Empty : $" (for example --env {suggestion})")}.",
                "validation");
        }

        return folder;
    }

    private async Task CreateEnvironmentAsync(WidemeshClient client, DeployManifest manifest, string name, DeployProgress progress, CancellationToken cancellationToken)
    {
        var availability = await client.CheckEnvironmentNameAsync(name, cancellationToken);
        if (!availability.Available)
        {
            throw new CliException(
                ExitCodes.Conflict,
                availability.Problem ?? $"The environment name '{name}' is taken on the platform (names are unique across all accounts); set environment = \"…\" in widemesh.hcl or pass --env.",
                "name-taken");
        }

        var rack = await ChooseRackAsync(client, request.Rack ?? manifest.Rack, cancellationToken);
        progress.Step("create", $"Creating environment '{name}' on rack {rack}");
        using var workspace = await WorkspaceSession.OpenAsync(context, request.Session, "deploy", cancellationToken);
        var documents = WorkspaceDocuments.Load(workspace.Path);
        documents.EnsureParsed();
        if (documents.FindResource(WorkspaceLayout.EnvironmentType, name) is { } stale)
        {
            // Deleted outside this workspace: its release went with it, so it is created empty and gets the new one below.
            WorkloadHcl.Apply(stale.Block.Body, null, [], []);
            workspace.Files.Write(stale.RelativePath, stale.File.ToFullString());
        }
        else
        {
            workspace.EnsureProviders();
            workspace.Files.Write(WorkspaceLayout.FileFor(WorkspaceLayout.EnvironmentType, name), WorkspaceHcl.Environment(name, [rack]));
        }

        await workspace.ApplyAsync(cancellationToken);
    }

    private static async Task<string> ChooseRackAsync(WidemeshClient client, string? requested, CancellationToken cancellationToken)
    {
        var racks = (await client.ListRacksAsync(cancellationToken)).Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        if (requested is not null)
        {
            return racks.Contains(requested, StringComparer.Ordinal)
                ? requested
                : throw new CliException(
                    ExitCodes.NotFound,
                    $"Rack '{requested}' does not exist ({(racks.Count == 0 ? "you have no racks yet" : "your racks: " + string.Join(", ", racks))}). Create it with 'mesh rack create {requested}', or fix --rack / rack in widemesh.hcl.",
                    "unknown-rack");
        }

        return racks.Count switch
        {
            0 => throw new CliException(ExitCodes.NotFound, "You have no racks yet, and an environment needs one: create it with 'mesh rack create local', then run mesh deploy again.", "unknown-rack"),
            1 => racks[0],
            _ => throw new CliException(
                ExitCodes.Usage,
                $"You have several racks ({string.Join(", ", racks)}); choose where the new environment runs with --rack NAME or rack = \"NAME\" in widemesh.hcl.",
                "validation"),
        };
    }

    private async Task<Release> UploadAsync(WidemeshClient client, string name, DeployProgress progress, CancellationToken cancellationToken)
    {
        progress.Step("upload", $"Uploading {request.Directory}");
        var archivePath = Path.Combine(Path.GetTempPath(), $"mesh-release-{Guid.NewGuid():N}.tar.gz");
        try
        {
            await using var archive = new FileStream(archivePath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            var files = await ReleaseArchive.PackAsync(request.Directory, IgnoreRules.Load(request.Directory), archive, cancellationToken);
            archive.Position = 0;
            var release = await client.UploadReleaseAsync(name, archive, cancellationToken);
            progress.Event(new DeployEvent
            {
                Event = "uploaded",
                Environment = name,
                Release = release.Id,
                ReleaseNumber = release.Number,
                SizeBytes = release.SizeBytes,
                Message = $"Release {release.Number} ({release.Id}): {files} files, {Size(release.SizeBytes)}",
            });
            return release;
        }
        finally
        {
            File.Delete(archivePath);
        }
    }

    private int Done(DeployProgress progress, EnvironmentInfo environment, Release release, TimeSpan elapsed, string what)
    {
        var seconds = Math.Round(elapsed.TotalSeconds, 1);
        var ingress = environment.Stacks.Where(s => s.PublicPort is not null).Select(s => $"{s.Name} at http://{environment.Hostname}:{s.PublicPort}").ToList();
        var message = $"Deployed release {release.Number} of '{environment.Name}' in {seconds.ToString(CultureInfo.InvariantCulture)} s: {what}."
            + (ingress.Count == 0 ? string.Empty : $" {string.Join(", ", ingress)}");
        if (request.Session.Json)
        {
            progress.Event(new DeployEvent { Event = "done", Environment = environment.Name, Release = release.Id, ReleaseNumber = release.Number, Hostname = environment.Hostname, Seconds = seconds, Message = message });
        }
        else
        {
            progress.Dispose();
            context.Out.WriteLine(TerminalStyle.ForOut(context).Bold(message));
        }

        return ExitCodes.Success;
    }

    private async Task<int> FailAsync(WidemeshClient client, DeployProgress progress, EnvironmentInfo environment, Release release, DeployWaitResult result, CancellationToken cancellationToken)
    {
        progress.Dispose();
        var logs = await FailureLogs.ReadAsync(client, environment.Name, result.Failing, cancellationToken);
        var why = result.TimedOut
            ? $"not every instance was ready after {Sdk.Durations.DurationParser.Format(request.Timeout)} (--timeout)"
            : "an instance cannot start";
        var fix = $"Fix the command or the health check in widemesh.hcl and run mesh deploy again; 'mesh ps --env {environment.Name}' and 'mesh logs --env {environment.Name}' show more.";
        if (request.Session.Json)
        {
            progress.Event(new DeployEvent
            {
                Event = "failed",
                Environment = environment.Name,
                Release = release.Id,
                ReleaseNumber = release.Number,
                Message = $"Deploy of release {release.Number} failed: {why}. {fix}",
                Instances = [.. result.Failing.Select(i => DeployInstanceOutput.From(i, logs.GetValueOrDefault($"{i.Rack}/{i.Id}")))],
            });
            return ExitCodes.DeployFailed;
        }

        var style = TerminalStyle.ForError(context);
        context.Error.WriteLine($"{style.Red("Error:")} deploy of release {release.Number} of '{environment.Name}' failed: {why}.");
        foreach (var instance in result.Failing)
        {
            var exit = instance.LastExitCode is { } code ? $", last exit code {code}" : string.Empty;
            var restarts = instance.Restarts > 0 ? $", {instance.Restarts} restarts" : string.Empty;
            context.Error.WriteLine();
            context.Error.WriteLine(style.Bold($"{instance.Rack}/{instance.Id}: {instance.State}{exit}{restarts}{(instance.Message is null ? string.Empty : $" — {instance.Message}")}"));
            if (logs.TryGetValue($"{instance.Rack}/{instance.Id}", out var lines))
            {
                context.Error.WriteLine(lines.Count == 0 ? "  (no log lines)" : $"  last {lines.Count} log line{(lines.Count == 1 ? string.Empty : "s")}:");
                foreach (var line in lines)
                {
                    context.Error.WriteLine($"  | {line}");
                }
            }
        }

        context.Error.WriteLine();
        context.Error.WriteLine(fix);
        context.Error.Flush();
        return ExitCodes.DeployFailed;
    }

    private static string Components(DeployManifest manifest)
    {
        var parts = manifest.Stacks.Select(s => $"stack {s.Name}").Concat(manifest.Services.Select(s => $"service {s.Name}"));
        return string.Join(", ", parts);
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture)} KiB",
        _ => $"{(bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture)} MiB",
    };
}

using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Widemesh.Platform.Tests.Support;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Tests.Apis;

/// <summary>
/// Stacks, services, releases and instances through the real meshd (issue 7). The environments here live on
/// <c>aws</c> racks, whose runtime only records (a cloud API cannot be reached here), so these tests check the
/// API and the store; the local runtime's own tests run the processes.
/// </summary>
public sealed class WorkloadsApiTests(MeshdFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stacks_services_and_release_round_trip_through_create_patch_put_and_get_on_a_recording_aws_rack()
    {
        var (account, rack) = await NewAccountWithRackAsync();
        using var _ = account;
        var name = Some.Name("env");
        var web = new StackSpec
        {
            Name = "web",
            Command = "python3 -m http.server $PORT",
            Instances = 2,
            Port = 8080,
            PublicPort = 18080,
            Environment = new Dictionary<string, string> { ["GREETING"] = "hi" },
            HealthCheck = new HealthCheckSpec { Path = "/health" },
        };
        var kv = new ServiceSpec { Name = "kv", Command = "python3 kv.py", Port = 7000 };

        var created = await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = [rack], Stacks = [web], Services = [kv] }, Ct);
        var release = await account.Client.UploadReleaseAsync(name, Archive(("app.py", "print('hi')")), Ct);
        var patched = await account.Client.UpdateEnvironmentAsync(name, new UpdateEnvironmentRequest { Release = release.Id }, null, Ct);
        var read = await account.Client.GetEnvironmentAsync(name, Ct);
        var replaced = await account.Client.ReplaceEnvironmentAsync(name, new UpdateEnvironmentRequest { Racks = [rack] }, null, Ct);

        Assert.Equal("web", Assert.Single(created.Stacks).Name);
        Assert.Equal(2, created.Stacks[0].Instances);
        Assert.Equal("hi", created.Stacks[0].Environment["GREETING"]);
        Assert.Equal("/health", created.Stacks[0].HealthCheck!.Path);
        Assert.Equal(60, created.Stacks[0].HealthCheck!.GraceSeconds);
        Assert.Equal("kv", Assert.Single(created.Services).Name);
        Assert.Null(created.Release);
        Assert.Equal(release.Id, patched.Release);
        Assert.Equal(created.Version + 1, patched.Version);
        Assert.Equal(18080, Assert.Single(patched.Stacks).PublicPort);
        Assert.Equal(release.Id, read!.Release);
        Assert.Equal(7000, Assert.Single(read.Services).Port);
        Assert.Empty(replaced.Stacks);
        Assert.Empty(replaced.Services);
        Assert.Null(replaced.Release);
    }

    [Fact]
    public async Task A_patch_that_changes_nothing_keeps_the_version()
    {
        var (account, rack) = await NewAccountWithRackAsync();
        using var _ = account;
        var name = Some.Name("env");
        var stacks = new[] { new StackSpec { Name = "web", Command = "sleep 1000" } };
        var created = await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = [rack], Stacks = stacks }, Ct);

        var same = await account.Client.UpdateEnvironmentAsync(name, new UpdateEnvironmentRequest { Stacks = stacks }, null, Ct);

        Assert.Equal(created.Version, same.Version);
    }

    public static TheoryData<string, string, string> BadWorkloads => new()
    {
        { """{"stacks":[{"name":"Web","command":"x"}]}""", "stacks[0].name", "lowercase" },
        { """{"stacks":[{"name":"web","command":""}]}""", "stacks[0].command", "required" },
        { """{"stacks":[{"name":"web","command":"x","instances":21}]}""", "stacks[0].instances", "0 to 20" },
        { """{"stacks":[{"name":"web","command":"x","port":70000}]}""", "stacks[0].port", "1 to 65535" },
        { """{"stacks":[{"name":"web","command":"x","publicPort":8080}]}""", "stacks[0].publicPort", "needs port" },
        { """{"stacks":[{"name":"web","command":"x","healthCheck":{"path":"/"}}]}""", "stacks[0].healthCheck", "needs port" },
        { """{"stacks":[{"name":"web","command":"x","port":1,"healthCheck":{"path":"health"}}]}""", "stacks[0].healthCheck", "start with '/'" },
        { """{"stacks":[{"name":"web","command":"x","environment":{"1A":"b"}}]}""", "stacks[0].environment", "letters, digits and '_'" },
        { """{"stacks":[{"name":"web","command":"x","environment":{"WIDEMESH_RACK":"b"}}]}""", "stacks[0].environment", "set by the platform" },
        { """{"stacks":[{"name":"web","command":"x"}],"services":[{"name":"web","command":"y"}]}""", "services[0].name", "already used" },
        { """{"stacks":[{"name":"a","command":"x","port":1,"publicPort":9000},{"name":"b","command":"x","port":1,"publicPort":9000}]}""", "stacks[1].publicPort", "already exposed" },
        { """{"release":"v1"}""", "release", "not a release id" },
    };

    [Theory]
    [MemberData(nameof(BadWorkloads))]
    public async Task Bad_stacks_and_services_are_refused_with_400_naming_the_field(string patch, string field, string rule)
    {
        var (account, rack) = await NewAccountWithRackAsync();
        using var _ = account;
        var name = Some.Name("env");
        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = [rack] }, Ct);
        using var http = fixture.CreateHttpClient(account.Token);

        using var response = await http.PatchAsync($"/v1/environments/{name}", new StringContent(patch, Encoding.UTF8, "application/json"), Ct);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = problem["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Contains(messages, m => m.Contains(rule, StringComparison.Ordinal));
        Assert.Empty((await account.Client.GetEnvironmentAsync(name, Ct))!.Stacks);
    }

    [Fact]
    public async Task A_public_port_exposed_by_another_environment_on_a_shared_rack_is_refused_with_409()
    {
        var (account, rack) = await NewAccountWithRackAsync();
        using var _ = account;
        var other = await account.Client.CreateRackAsync(new CreateRackRequest { Name = Some.Name("rack"), Provider = "aws", Region = "eu-west-1" }, Ct);
        var stacks = new[] { new StackSpec { Name = "web", Command = "x", Port = 80, PublicPort = 18081 } };
        var first = Some.Name("env");
        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = first, Racks = [rack], Stacks = stacks }, Ct);

        var clash = await Assert.ThrowsAsync<WidemeshConflictException>(() =>
            account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = Some.Name("env"), Racks = [other.Name, rack], Stacks = stacks }, Ct));
        var elsewhere = await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = Some.Name("env"), Racks = [other.Name], Stacks = stacks }, Ct);
        var moving = await Assert.ThrowsAsync<WidemeshConflictException>(() =>
            account.Client.UpdateEnvironmentAsync(elsewhere.Name, new UpdateEnvironmentRequest { Racks = [other.Name, rack] }, null, Ct));

        Assert.Equal(ProblemTypes.PortInUse, clash.Type);
        Assert.Contains("18081", clash.Detail, StringComparison.Ordinal);
        Assert.Contains(first, clash.Detail, StringComparison.Ordinal);
        Assert.Contains(rack, clash.Detail, StringComparison.Ordinal);
        Assert.Equal(ProblemTypes.PortInUse, moving.Type);
        Assert.Equal([other.Name], (await account.Client.GetEnvironmentAsync(elsewhere.Name, Ct))!.Racks);
    }

    [Fact]
    public async Task Releases_are_numbered_hashed_listed_newest_first_and_deleted_with_their_environment()
    {
        var (account, rack) = await NewAccountWithRackAsync();
        using var _ = account;
        var name = Some.Name("env");
        var environment = await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = [rack] }, Ct);
        var bytes = Archive(("app.py", "print('one')"), ("lib/util.py", "X = 1")).ToArray();

        var first = await account.Client.UploadReleaseAsync(name, new MemoryStream(bytes), Ct);
        var second = await account.Client.UploadReleaseAsync(name, Archive(("app.py", "print('two')")), Ct);
        var list = await account.Client.ListReleasesAsync(name, Ct);
        var directory = Path.Combine(fixture.Meshd.DataDirectory, "releases", environment.Id);
        var filesBefore = Directory.GetFiles(directory);
        await account.Client.DeleteEnvironmentAsync(name, null, Ct);

        Assert.Equal((1, 2), (first.Number, second.Number));
        Assert.StartsWith("rel_", first.Id, StringComparison.Ordinal);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), first.Digest);
        Assert.Equal(bytes.Length, first.SizeBytes);
        Assert.Equal([second.Id, first.Id], list.Select(r => r.Id));
        Assert.Equal(2, filesBefore.Length);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task A_release_of_another_environment_or_none_at_all_cannot_be_set()
    {
        var (account, rack) = await NewAccountWithRackAsync();
        using var _ = account;
        var name = Some.Name("env");
        var other = Some.Name("env");
        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = [rack] }, Ct);
        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = other, Racks = [rack] }, Ct);
        var foreign = await account.Client.UploadReleaseAsync(other, Archive(("a", "b")), Ct);

        var wrong = await Assert.ThrowsAsync<WidemeshValidationException>(() =>
            account.Client.UpdateEnvironmentAsync(name, new UpdateEnvironmentRequest { Release = foreign.Id }, null, Ct));
        var missing = await Assert.ThrowsAsync<WidemeshValidationException>(() =>
            account.Client.UpdateEnvironmentAsync(name, new UpdateEnvironmentRequest { Release = "rel_0000000000000000" }, null, Ct));
        var onCreate = await Assert.ThrowsAsync<WidemeshValidationException>(() =>
            account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = Some.Name("env"), Racks = [rack], Release = foreign.Id }, Ct));

        Assert.Equal("release", wrong.Field);
        Assert.Contains("has no release", wrong.Detail, StringComparison.Ordinal);
        Assert.Equal("release", missing.Field);
        Assert.Equal("release", onCreate.Field);
        Assert.Null((await account.Client.GetEnvironmentAsync(name, Ct))!.Release);
    }

    public static TheoryData<string, string> BadArchives => new()
    {
        { "not-gzip", "not a gzip-compressed tar" },
        { "traversal", "outside the application's directory" },
        { "absolute", "outside the application's directory" },
        { "escaping-link", "symbolic link" },
        { "device", "CharacterDevice" },
        { "empty", "holds no files" },
    };

    [Theory]
    [MemberData(nameof(BadArchives))]
    public async Task Bad_archives_are_refused_with_400_and_leave_no_release_behind(string kind, string rule)
    {
        var (account, rack) = await NewAccountWithRackAsync();
        using var _ = account;
        var name = Some.Name("env");
        var environment = await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = [rack] }, Ct);
        var body = kind switch
        {
            "not-gzip" => new MemoryStream(Encoding.UTF8.GetBytes("just text")),
            "traversal" => Archive(("../evil.sh", "rm -rf /")),
            "absolute" => Archive(("/etc/evil", "x")),
            "escaping-link" => ArchiveOf(new PaxTarEntry(TarEntryType.SymbolicLink, "link") { LinkName = "../../etc/passwd" }),
            "device" => ArchiveOf(new PaxTarEntry(TarEntryType.CharacterDevice, "null")),
            _ => ArchiveOf(new PaxTarEntry(TarEntryType.Directory, "only-a-directory")),
        };

        var problem = await Assert.ThrowsAsync<WidemeshValidationException>(() => account.Client.UploadReleaseAsync(name, body, Ct));

        Assert.Equal("body", problem.Field);
        Assert.Contains(rule, problem.Detail, StringComparison.Ordinal);
        Assert.Empty(await account.Client.ListReleasesAsync(name, Ct));
        var directory = Path.Combine(fixture.Meshd.DataDirectory, "releases", environment.Id);
        Assert.True(!Directory.Exists(directory) || Directory.GetFiles(directory).Length == 0);
    }

    [Fact]
    public async Task A_release_sent_as_json_is_refused_with_415_saying_what_to_send()
    {
        var (account, rack) = await NewAccountWithRackAsync();
        using var _ = account;
        var name = Some.Name("env");
        await account.Client.CreateEnvironmentAsync(new CreateEnvironmentRequest { Name = name, Racks = [rack] }, Ct);
        using var http = fixture.CreateHttpClient(account.Token);

        using var response = await http.PostAsync($"/v1/environments/{name}/releases", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/gzip", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Releases_and_instances_of_an_unknown_environment_answer_404()
    {
        var (account, _) = await NewAccountWithRackAsync();
        using var __ = account;
        using var http = fixture.CreateHttpClient(account.Token);
        using var content = new ByteArrayContent(Archive(("a", "b")).ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/gzip");

        using var upload = await http.PostAsync("/v1/environments/nothing-here/releases", content, Ct);
        await Assert.ThrowsAsync<WidemeshNotFoundException>(() => account.Client.ListReleasesAsync("nothing-here", Ct));
        await Assert.ThrowsAsync<WidemeshNotFoundException>(() => account.Client.ListInstancesAsync("nothing-here", Ct));

        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
    }

    [Fact]
    public async Task Instances_of_an_environment_on_a_recording_aws_rack_are_an_empty_list()
    {
        var (account, rack) = await NewAccountWithRackAsync();
        using var _ = account;
        var name = Some.Name("env");
        await account.Client.CreateEnvironmentAsync(
            new CreateEnvironmentRequest { Name = name, Racks = [rack], Stacks = [new StackSpec { Name = "web", Command = "sleep 1000" }] }, Ct);

        Assert.Empty(await account.Client.ListInstancesAsync(name, Ct));
    }

    private async Task<(TestAccount Account, string Rack)> NewAccountWithRackAsync()
    {
        var account = await fixture.NewAccountAsync(Ct);
        var rack = await account.Client.CreateRackAsync(new CreateRackRequest { Name = Some.Name("rack"), Provider = "aws", Region = "us-east-1" }, Ct);
        return (account, rack.Name);
    }

    private static MemoryStream Archive(params (string Path, string Text)[] files) =>
        ArchiveOf([.. files.Select(f => new PaxTarEntry(TarEntryType.RegularFile, f.Path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(f.Text)) })]);

    private static MemoryStream ArchiveOf(params TarEntry[] entries)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                tar.WriteEntry(entry);
            }
        }

        output.Position = 0;
        return output;
    }
}

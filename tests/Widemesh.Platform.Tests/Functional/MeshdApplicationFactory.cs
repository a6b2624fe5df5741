using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Widemesh.Sdk.Client;

namespace Widemesh.Platform.Tests.Functional;

/// <summary>meshd in-process on the test server, with its own temp data directory (the API functional lane).</summary>
public sealed class MeshdApplicationFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("widemesh-waf-").FullName;

    /// <summary>A client through the in-memory test server, with the admin token.</summary>
    public WidemeshClient CreateWidemeshClient()
    {
        var http = CreateClient();
        return new WidemeshClient(http, new WidemeshClientOptions
        {
            Endpoint = http.BaseAddress!,
            Token = File.ReadAllText(Path.Combine(_dataDirectory, "admin.token")).Trim(),
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting("data-dir", _dataDirectory);
}

using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.DataProtection;
using Widemesh.Platform;
using Widemesh.Platform.Apis;
using Widemesh.Platform.Auth;
using Widemesh.Platform.Configuration;
using Widemesh.Platform.Dns;
using Widemesh.Platform.Drains;
using Widemesh.Platform.Hosting;
using Widemesh.Platform.Lifetime;
using Widemesh.Platform.Logs;
using Widemesh.Platform.Racks;
using Widemesh.Platform.Racks.Local;
using Widemesh.Platform.Releases;
using Widemesh.Platform.Store;
using Widemesh.Sdk.Contracts;

var parsed = PlatformOptionsParser.Parse(args, Environment.GetEnvironmentVariable);
if (parsed.ShowHelp)
{
    await Console.Out.WriteLineAsync(PlatformOptionsParser.Usage);
    return 0;
}

if (parsed.Options is not { } options)
{
    await Console.Error.WriteLineAsync(parsed.Error);
    return 2;
}

if (OperatingSystem.IsWindows())
{
    Directory.CreateDirectory(options.DataDirectory);
}
else
{
    Directory.CreateDirectory(options.DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
}
FileStream dataLock;
try
{
    dataLock = new FileStream(options.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
}
catch (IOException)
{
    await Console.Error.WriteLineAsync($"Another meshd is using the data directory {options.DataDirectory}: stop it first, or give this one another --data-dir.");
    return 1;
}

if (options.Isolation == RackIsolation.Netns
    && await LocalIsolationProbe.FindProblemAsync(new LocalRackLayout(options.DataDirectory).NamespacePrefix, CancellationToken.None) is { } isolationProblem)
{
    await Console.Error.WriteLineAsync(
        $"meshd --isolation netns: network namespaces are not available here ({isolationProblem}). Run meshd as root on Linux with iproute2's `ip`, or start it with --isolation auto or none.");
    return 1;
}

await using (dataLock)
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = [.. parsed.HostArguments],
        ContentRootPath = AppContext.BaseDirectory,
    });

    builder.WebHost.UseUrls(options.Listen.GetLeftPart(UriPartial.Authority));
    LargeBlockMemoryPool.AddTo(builder.Services);
    builder.WebHost.ConfigureKestrel(kestrel =>
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = JsonBody.MaxBytes;
    });

    builder.Logging.ClearProviders();
    if (Environment.GetEnvironmentVariable("MESHD_LOG_FORMAT") == "json")
    {
        builder.Logging.AddJsonConsole();
    }
    else
    {
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
    }

    builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

    // A failed start (such as a busy port) is reported below in one line, or crashes with its stack trace.
    builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

    builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
    builder.Services.AddSingleton(options);
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddSingleton<IPlatformStore>(services => new SqlitePlatformStore(options.DatabasePath, services.GetRequiredService<TimeProvider>()));
    builder.Services.AddSingleton<LocalRackRuntime>();
    builder.Services.AddSingleton<RackRuntimes>();
    builder.Services.AddSingleton<ReleaseStore>();
    builder.Services.AddSingleton<AdminBootstrap>();
    builder.Services.AddSingleton<CallerCache>();
    builder.Services.AddSingleton<DnsZone>();
    builder.Services.AddSingleton<DnsPropagationChecker>();
    builder.Services.AddHostedService<AuthoritativeDnsServer>();
    builder.Services.AddExternalDnsUpdates();
    builder.Services.AddWidemeshLogs(new LogStoreOptions { Directory = Path.Combine(options.DataDirectory, "logs") });
    builder.Services.AddSingleton<IEnvironmentLookup, PlatformEnvironmentLookup>();
    builder.Services.AddSingleton<LogEnvironmentCleanup>();
    builder.Services.AddHostedService<LocalRackStartup>();
    builder.Services.AddSingleton<DrainRegistry>();
    builder.Services.AddHostedService(services => services.GetRequiredService<DrainRegistry>());
    if (StandardInputWatch.IsRequested)
    {
        builder.Services.AddHostedService<StandardInputWatch>();
    }

    builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = StatusProblems.Customize);
    builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
    builder.Services.ConfigureHttpJsonOptions(json =>
    {
        json.SerializerOptions.TypeInfoResolverChain.Insert(0, WidemeshJsonContext.Default);
        json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    });
    builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer(OpenApiBearer.TransformAsync));

    builder.Services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(AuthNames.Scheme, null);
    builder.Services.AddAuthorizationBuilder()
        .SetDefaultPolicy(new AuthorizationPolicyBuilder(AuthNames.Scheme).RequireAuthenticatedUser().Build())
        .AddPolicy(AuthNames.AdminPolicy, policy => policy.AddAuthenticationSchemes(AuthNames.Scheme).RequireAuthenticatedUser().RequireClaim(AuthNames.AdminClaim));

    var app = builder.Build();

    var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Widemesh.Platform.Meshd");
    Log.Starting(logger, options.DataDirectory, options.Listen, options.Zone);
    var store = app.Services.GetRequiredService<IPlatformStore>();
    await store.InitializeAsync(app.Lifetime.ApplicationStopping);
    Log.StoreReady(logger, options.DatabasePath);
    await app.Services.GetRequiredService<DnsZone>().RefreshAsync(app.Lifetime.ApplicationStopping);
    await app.Services.GetRequiredService<AdminBootstrap>().RunAsync(app.Lifetime.ApplicationStopping);

    app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
    });
    app.UseStatusCodePages();
    app.UseAuthorization();

    app.MapOpenApi();
    app.MapHealthApi();
    app.MapWhoAmIApi();
    app.MapRacksApi();
    app.MapEnvironmentsApi();
    app.MapEnvironmentDnsApi();
    app.MapDnsStatusApi();
    app.MapReleasesApi();
    app.MapInstancesApi();
    app.MapEnvironmentMigrationApi();
    app.MapAccountsApi();
    app.MapTokensApi();
    app.MapLogsApi();
    app.MapDrainsApi();

    try
    {
        await app.RunAsync();
    }
    catch (IOException exception) when (exception.InnerException is AddressInUseException || exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
    {
        await Console.Error.WriteLineAsync(
            $"meshd cannot listen on {options.Listen}: address already in use. Stop what uses it, or pick another address with --listen (or MESHD_LISTEN).");
        return 1;
    }
}

return 0;

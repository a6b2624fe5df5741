namespace Widemesh.Platform.Configuration;

/// <summary>The options, or the error to print, or a request for help; <see cref="HostArguments"/> go to the ASP.NET Core host.</summary>
internal sealed record PlatformOptionsParseResult(PlatformOptions? Options, string? Error, bool ShowHelp, IReadOnlyList<string> HostArguments);

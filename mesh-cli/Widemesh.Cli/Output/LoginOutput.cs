namespace Widemesh.Cli.Output;

/// <summary>The <c>--json</c> shape of <c>mesh login</c>; the token itself is never shown.</summary>
internal sealed record LoginOutput(string Endpoint, string Account, string TokenName, bool Admin, string ConfigFile);

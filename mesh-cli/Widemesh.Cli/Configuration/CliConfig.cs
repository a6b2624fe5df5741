namespace Widemesh.Cli.Configuration;

/// <summary>What <c>mesh login</c> stores in <c>$XDG_CONFIG_HOME/widemesh/config.json</c>.</summary>
internal sealed record CliConfig
{
    public string? Endpoint { get; init; }

    public string? Token { get; init; }
}

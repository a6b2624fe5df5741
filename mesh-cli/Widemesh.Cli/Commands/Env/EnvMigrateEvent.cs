namespace Widemesh.Cli.Commands.Env;

/// <summary>
/// One line of <c>mesh env migrate --json</c> (NDJSON): <c>step</c> when a step starts, <c>check</c> after each
/// propagation check, <c>done</c> or <c>aborted</c> at the end. Fields that do not apply are left out.
/// </summary>
internal sealed record EnvMigrateEvent
{
    public required string Event { get; init; }

    public required string Environment { get; init; }

    public string? Step { get; init; }

    public IReadOnlyList<string>? Racks { get; init; }

    public IReadOnlyList<string>? From { get; init; }

    public string? To { get; init; }

    public string? ExpectedAddress { get; init; }

    public bool? Propagated { get; init; }

    public int? Matching { get; init; }

    /// <summary>Seconds until the old record's TTL has run out since the switch (0 once it has).</summary>
    public int? TtlLeftSeconds { get; init; }

    public IReadOnlyList<EnvDnsResolverOutput>? Resolvers { get; init; }

    public string? Message { get; init; }
}

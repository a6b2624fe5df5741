namespace Widemesh.Sdk.Contracts;

/// <summary>The body of <c>PUT /v1/environments/{name}/migration</c>: a <see cref="MigrationInfo"/> without the fields the platform sets.</summary>
public sealed record MigrationRequest
{
    /// <summary>The racks the environment is moving away from, in their old order.</summary>
    public required IReadOnlyList<string> From { get; init; }

    /// <summary>The rack the environment is moving to (its last rack once added).</summary>
    public required string To { get; init; }

    /// <summary>One of <see cref="MigrationSteps.All"/>.</summary>
    public required string Step { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When DNS was switched to <see cref="To"/> (the new rack became last); null until then.</summary>
    public DateTimeOffset? SwitchedAt { get; init; }

    /// <summary>The TTL of the old record: no resolver may keep it longer than this after <see cref="SwitchedAt"/>.</summary>
    public required int TtlSeconds { get; init; }

    /// <summary>The resolvers that must answer the new rack (<c>IP:port</c>); empty for the platform's defaults.</summary>
    public IReadOnlyList<string> Resolvers { get; init; } = [];

    public MigrationCheck? LastCheck { get; init; }
}

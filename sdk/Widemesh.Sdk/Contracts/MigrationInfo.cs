namespace Widemesh.Sdk.Contracts;

/// <summary>
/// A rack migration in progress (<c>GET /v1/environments/{name}/migration</c>), recorded so that
/// <c>mesh env migrate</c> can resume where a run stopped and two runs cannot both drive it.
/// </summary>
public sealed record MigrationInfo
{
    public required string Environment { get; init; }

    /// <summary>The racks the environment is moving away from, in their old order.</summary>
    public required IReadOnlyList<string> From { get; init; }

    public required string To { get; init; }

    /// <summary>One of <see cref="MigrationSteps.All"/>.</summary>
    public required string Step { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? SwitchedAt { get; init; }

    public required int TtlSeconds { get; init; }

    public required IReadOnlyList<string> Resolvers { get; init; }

    public MigrationCheck? LastCheck { get; init; }

    /// <summary>Goes up by one on every change; send it as <c>If-Match</c>.</summary>
    public required long Version { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

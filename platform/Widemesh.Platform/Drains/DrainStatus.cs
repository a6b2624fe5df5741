namespace Widemesh.Platform.Drains;

/// <summary>A snapshot of a drain's forwarding state, as the API shows it.</summary>
internal sealed record DrainStatus(long Cursor, long Forwarded, bool Connected, string? LastError, DateTimeOffset? LastErrorAt);

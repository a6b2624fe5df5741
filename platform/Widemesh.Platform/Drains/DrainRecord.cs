namespace Widemesh.Platform.Drains;

/// <summary>A drain as kept in <c>&lt;data-dir&gt;/drains/&lt;environment-id&gt;.json</c>.</summary>
internal sealed record DrainRecord(
    string Id,
    string EnvironmentId,
    string EnvironmentName,
    string AccountId,
    string Url,
    DateTimeOffset CreatedAt,
    long Version,
    long StartAfterSequence);

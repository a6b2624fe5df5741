namespace Widemesh.Platform.Drains;

/// <summary>What a drain has sent so far, kept in <c>&lt;data-dir&gt;/drains/&lt;drain-id&gt;.cursor</c>.</summary>
internal sealed record DrainProgress(long Cursor, long Forwarded);

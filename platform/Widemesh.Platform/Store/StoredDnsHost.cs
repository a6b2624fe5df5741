namespace Widemesh.Platform.Store;

/// <summary>An environment as DNS sees it: its name, its racks in order, and the ingress address of the last one.</summary>
internal sealed record StoredDnsHost(string Name, IReadOnlyList<string> Racks, string? Address);

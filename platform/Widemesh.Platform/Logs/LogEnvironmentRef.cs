namespace Widemesh.Platform.Logs;

/// <summary>The facts about an environment the logs need: its id (the directory name), its name and its racks.</summary>
internal sealed record LogEnvironmentRef(string Id, string Name, IReadOnlyList<string> Racks);

namespace Widemesh.Cli.Output;

/// <summary>One planned change: <c>action</c> is <c>create</c>, <c>update</c>, <c>delete</c>, <c>replace</c> or <c>import</c>.</summary>
internal sealed record ResourceChangeOutput(string Address, string Type, string Name, string Action);

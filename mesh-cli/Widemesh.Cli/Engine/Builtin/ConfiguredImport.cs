namespace Widemesh.Cli.Engine.Builtin;

/// <summary>An <c>import</c> block: adopt the platform resource <see cref="Id"/> as <see cref="To"/>.</summary>
internal sealed record ConfiguredImport(string To, string Id, SourceLocation Location);

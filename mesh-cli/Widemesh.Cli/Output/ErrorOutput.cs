namespace Widemesh.Cli.Output;

/// <summary>The <c>--json</c> shape of a failure: <c>{"error":{"code","message","exitCode","field"?}}</c>.</summary>
internal sealed record ErrorOutput(ErrorDetail Error);

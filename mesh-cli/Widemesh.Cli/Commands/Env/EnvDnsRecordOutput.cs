namespace Widemesh.Cli.Commands.Env;

/// <summary>One record of <c>mesh env dns --json</c>: <c>A</c>, <c>AAAA</c> or <c>TXT</c>, and its value.</summary>
internal sealed record EnvDnsRecordOutput(string Type, string Value);

namespace Widemesh.Sdk.Contracts;

/// <summary>One DNS record of an environment's host name: <c>A</c>, <c>AAAA</c> or <c>TXT</c>, and its value.</summary>
public sealed record DnsRecord
{
    public required string Type { get; init; }

    public required string Value { get; init; }
}

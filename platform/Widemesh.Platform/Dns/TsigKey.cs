using ARSoft.Tools.Net.Dns;

namespace Widemesh.Platform.Dns;

/// <summary>
/// A TSIG key read from a BIND-style key file. A class, not a record, so that no generated <c>ToString</c>
/// can print the secret: only the name and algorithm are ever shown.
/// </summary>
internal sealed class TsigKey(string name, string algorithmName, TSigAlgorithm algorithm, byte[] secret)
{
    public string Name { get; } = name;

    /// <summary>The algorithm as the key file names it, such as <c>hmac-sha256</c>.</summary>
    public string AlgorithmName { get; } = algorithmName;

    public TSigAlgorithm Algorithm { get; } = algorithm;

    public ReadOnlyMemory<byte> Secret { get; } = secret;

    public override string ToString() => $"{Name} ({AlgorithmName})";
}

namespace Widemesh.Testing.Terraform.Plugin;

/// <summary>The parsed first stdout line of a plugin: <c>1|6|network|address|grpc|cert</c>.</summary>
public sealed record PluginHandshake(int CoreVersion, int AppVersion, string Network, string Address, string Protocol, byte[]? ServerCertificate)
{
    /// <summary>Parses strictly: core 1, app 6, unix or tcp, grpc, and a cert in base64 WITHOUT padding (Go's RawStdEncoding).</summary>
    public static PluginHandshake Parse(string line)
    {
        var parts = line.Trim().Split('|');
        if (parts.Length < 6)
        {
            throw new PluginHandshakeException($"Unrecognized remote plugin message: \"{line}\" has {parts.Length} fields, 6 are needed (core|app|network|address|protocol|cert)");
        }

        if (parts.Length > 6)
        {
            throw new PluginHandshakeException($"handshake \"{line}\" has a 7th field although PLUGIN_MULTIPLEX_GRPC was not set");
        }

        if (parts[0] != "1")
        {
            throw new PluginHandshakeException($"incompatible core API version with plugin: \"{parts[0]}\", expected 1");
        }

        if (parts[1] != "6")
        {
            throw new PluginHandshakeException($"incompatible API version with plugin. Plugin version: {parts[1]}, Client versions: [5 6] (this provider must choose 6)");
        }

        if (parts[2] is not ("unix" or "tcp"))
        {
            throw new PluginHandshakeException($"unknown network \"{parts[2]}\"; must be unix or tcp");
        }

        if (parts[2] == "tcp" && !parts[3].StartsWith("127.0.0.1:", StringComparison.Ordinal))
        {
            throw new PluginHandshakeException($"tcp address \"{parts[3]}\" must be 127.0.0.1:PORT");
        }

        if (parts[4] != "grpc")
        {
            throw new PluginHandshakeException($"protocol \"{parts[4]}\" is not grpc; Terraform refuses netrpc plugins");
        }

        var certificate = parts[5].Length == 0 ? null : DecodeRawBase64(parts[5]);
        return new PluginHandshake(1, 6, parts[2], parts[3], parts[4], certificate);
    }

    /// <summary>Decodes standard-alphabet base64 the way Go's RawStdEncoding does: any '=' or line break is an error.</summary>
    public static byte[] DecodeRawBase64(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c == '+' || c == '/'))
            {
                throw new PluginHandshakeException($"error parsing server cert: illegal base64 data at input byte {i}");
            }
        }

        if (text.Length % 4 == 1)
        {
            throw new PluginHandshakeException($"error parsing server cert: illegal base64 data at input byte {text.Length - 1}");
        }

        var padded = text + new string('=', (4 - (text.Length % 4)) % 4);
        return Convert.FromBase64String(padded);
    }
}

namespace Widemesh.Testing.Terraform.Plugin;

/// <summary>The plugin did not start the way go-plugin's client requires (protocol doc §1.5).</summary>
public sealed class PluginHandshakeException : Exception
{
    public PluginHandshakeException()
    {
    }

    public PluginHandshakeException(string message)
        : base(message)
    {
    }

    public PluginHandshakeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

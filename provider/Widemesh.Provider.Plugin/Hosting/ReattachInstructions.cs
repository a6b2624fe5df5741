using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Widemesh.Provider.Plugin.Hosting;

/// <summary>What <c>--debug</c> prints: the TF_REATTACH_PROVIDERS value for this process (protocol doc §1.6).</summary>
internal static class ReattachInstructions
{
    public const string ProviderAddress = "registry.terraform.io/widemesh/widemesh";

    public static string Format(PluginListener listener)
    {
        var json = Json(listener, System.Environment.ProcessId);
        return "Provider started in debug mode. To attach Terraform, set this in its environment:\n\n"
            + $"\tTF_REATTACH_PROVIDERS='{json}'\n\n"
            + "The provider reads WIDEMESH_ENDPOINT and WIDEMESH_TOKEN from its own environment, not Terraform's.\n"
            + $"Stop it with `kill {System.Environment.ProcessId}` (SIGTERM); Ctrl-C is ignored, as Terraform expects of providers.\n";
    }

    public static string Json(PluginListener listener, int processId)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject(ProviderAddress);
            writer.WriteString("Protocol", "grpc");
            writer.WriteNumber("ProtocolVersion", PluginEnvironment.ProtocolVersion);
            writer.WriteNumber("Pid", processId);
            writer.WriteBoolean("Test", true);
            writer.WriteStartObject("Addr");
            writer.WriteString("Network", listener.Network);
            writer.WriteString("String", listener.Address);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

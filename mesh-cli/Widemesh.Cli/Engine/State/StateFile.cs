using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Widemesh.Cli.Engine.State;

/// <summary>
/// Reads and writes <c>terraform.tfstate</c> like Terraform's local backend: the previous file is kept
/// as <c>terraform.tfstate.backup</c>, and the new one replaces it atomically (write, flush, rename).
/// </summary>
internal static class StateFile
{
    public const string FileName = "terraform.tfstate";
    public const string BackupFileName = "terraform.tfstate.backup";

    /// <summary>The provider address Terraform records for resources of <c>widemesh/widemesh</c>.</summary>
    public const string ProviderAddress = "provider[\"registry.terraform.io/widemesh/widemesh\"]";

    /// <summary>The Terraform version the built-in engine claims: the lowest 1.x, which every 1.x and OpenTofu read.</summary>
    public const string EngineTerraformVersion = "1.0.0";

    private static readonly StateJsonContext Json = new(new JsonSerializerOptions(StateJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static TerraformState? Read(string workspace)
    {
        var path = Path.Combine(workspace, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException exception)
        {
            throw new CliException(ExitCodes.Workspace, $"{path} is not valid JSON ({exception.Message}); restore it from {BackupFileName}.", "state");
        }

        var version = root?["version"]?.GetValue<int>();
        if (version != TerraformState.FormatVersion)
        {
            throw new CliException(
                ExitCodes.Workspace,
                $"{path} has state format version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}; mesh reads version 4 (Terraform 0.12 and later). Upgrade it with a newer terraform first.",
                "state");
        }

        return root.Deserialize(Json.TerraformState)
            ?? throw new CliException(ExitCodes.Workspace, $"{path} holds no state object.", "state");
    }

    public static void Write(string workspace, TerraformState state)
    {
        var path = Path.Combine(workspace, FileName);
        var temporary = Path.Combine(workspace, $".{FileName}.{System.Environment.ProcessId}.tmp");
        var normalized = state with { Resources = [.. state.Resources.Select(SortAttributes)] };
        var text = JsonSerializer.Serialize(normalized, Json.TerraformState) + "\n";

        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
            stream.Flush(flushToDisk: true);
        }

        if (File.Exists(path))
        {
            File.Copy(path, Path.Combine(workspace, BackupFileName), overwrite: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A fresh lineage: a random UUID, as Terraform makes one.</summary>
    public static string NewLineage() => Guid.NewGuid().ToString("D");

    private static StateResource SortAttributes(StateResource resource) => resource with
    {
        Instances = [.. resource.Instances.Select(instance => instance with { Attributes = Sorted(instance.Attributes) })],
    };

    private static JsonObject Sorted(JsonObject attributes)
    {
        var sorted = new JsonObject();
        foreach (var (key, value) in attributes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            sorted[key] = value?.DeepClone();
        }

        return sorted;
    }
}

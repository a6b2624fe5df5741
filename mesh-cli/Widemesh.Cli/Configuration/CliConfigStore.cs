using System.Text.Json;

namespace Widemesh.Cli.Configuration;

/// <summary>Reads and writes the login configuration; the file holds a token, so it is created with mode 0600.</summary>
internal sealed class CliConfigStore(CliContext context)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary><c>$XDG_CONFIG_HOME/widemesh/config.json</c>, else <c>~/.config/widemesh/config.json</c>.</summary>
    public string FilePath
    {
        get
        {
            var configHome = context.GetVariable("XDG_CONFIG_HOME");
            if (string.IsNullOrEmpty(configHome))
            {
                configHome = Path.Combine(context.HomeDirectory, ".config");
            }

            return Path.Combine(configHome, "widemesh", "config.json");
        }
    }

    public CliConfig Load()
    {
        var path = FilePath;
        if (!File.Exists(path))
        {
            return new CliConfig();
        }

        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, CliConfigJsonContext.Default.CliConfig) ?? new CliConfig();
        }
        catch (JsonException exception)
        {
            throw new CliException(
                ExitCodes.Usage,
                $"The configuration file {path} is not valid JSON ({exception.Message}). Fix it or run 'mesh login' again to rewrite it.");
        }
    }

    public void Save(CliConfig config)
    {
        var path = FilePath;
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);

        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, config, CliConfigJsonContext.Default.CliConfig);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, OwnerOnly);
        }

        File.Move(temporary, path, overwrite: true);
    }
}

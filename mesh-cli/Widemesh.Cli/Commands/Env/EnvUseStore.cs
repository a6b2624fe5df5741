using Widemesh.Cli.Configuration;

namespace Widemesh.Cli.Commands.Env;

/// <summary>
/// The environment chosen with <c>mesh env use NAME</c>: one line in <c>environment</c> next to the login file
/// (<c>$XDG_CONFIG_HOME/widemesh/environment</c>). Commands that read an environment's data (<c>mesh logs</c>)
/// use it when <c>--env</c> is not given.
/// </summary>
internal sealed class EnvUseStore(CliContext context)
{
    public string FilePath => Path.Combine(Path.GetDirectoryName(new CliConfigStore(context).FilePath)!, "environment");

    /// <summary>The chosen environment, or null when none was chosen (or the file is empty).</summary>
    public string? Load()
    {
        var path = FilePath;
        if (!File.Exists(path))
        {
            return null;
        }

        var name = File.ReadAllText(path).Trim();
        return name.Length == 0 ? null : name;
    }

    public void Save(string name)
    {
        var path = FilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, name + "\n");
        File.Move(temporary, path, overwrite: true);
    }
}

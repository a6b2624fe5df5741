using System.Globalization;

namespace Widemesh.Platform.Racks.Local;

/// <summary>Processes recorded in pid files: <c>&lt;pid&gt; &lt;start time in clock ticks after boot&gt;</c>.</summary>
internal static class LocalProcesses
{
    /// <summary>Field 22 of <c>/proc/&lt;pid&gt;/stat</c>, or 0 when the process is gone.</summary>
    public static long StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[19], CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    /// <summary>Kills (SIGKILL, with its process group) every process a pid file under <paramref name="directory"/> names that still runs; returns how many.</summary>
    public static int KillRecorded(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var killed = 0;
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "pids"))
        {
            var parts = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid) && pid > 1
                && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var started) && started != 0 && StartTime(pid) == started)
            {
                _ = LocalNative.Kill(-pid, LocalNative.SigKill);
                _ = LocalNative.Kill(pid, LocalNative.SigKill);
                killed++;
            }
        }

        return killed;
    }
}

using System.Diagnostics;

namespace Widemesh.Deploy.Benchmarks;

/// <summary>Sets a child process's environment variables in one expression.</summary>
internal static class ProcessStartInfoVariables
{
    public static ProcessStartInfo WithVariables(this ProcessStartInfo start, IReadOnlyDictionary<string, string> variables)
    {
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        return start;
    }
}

namespace Widemesh.Provider.Benchmarks.EmptyPlugin;

/// <summary>Prints one line shaped like a plugin handshake and exits: the floor for exec → first stdout line.</summary>
internal static class Program
{
    public static int Main()
    {
        Console.Out.WriteLine("1|6|unix|/nonexistent|grpc|");
        Console.Out.Flush();
        return 0;
    }
}

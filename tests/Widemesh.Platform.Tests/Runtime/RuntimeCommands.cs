namespace Widemesh.Platform.Tests.Runtime;

/// <summary>Instance commands the tests run: all exec their last program, so one instance is one process.</summary>
internal static class RuntimeCommands
{
    /// <summary>An HTTP file server on the instance's own address and port.</summary>
    public const string HttpServer = "exec /usr/bin/python3 -m http.server --bind $HOST $PORT";

    /// <summary>Prints a line every half second until stopped.</summary>
    public const string Ticker = "while true; do echo tick $WIDEMESH_INSTANCE; sleep 0.5; done";

    public const string Sleeper = "exec sleep 600";

    /// <summary>Asks <paramref name="name"/> (another stack or service, by name) every half second and prints the answer.</summary>
    public static string Asker(string name, int port) =>
        $"while true; do /usr/bin/python3 -c \"import urllib.request as u; print('{name} says', u.urlopen('http://{name}:{port}/', timeout=2).status)\" 2>&1 | tail -n 1; sleep 0.5; done";
}

using System.Diagnostics;

namespace Widemesh.Runtime.Benchmarks;

/// <summary>A minimal C TCP server (binds $HOST:$PORT, accepts and closes), compiled with gcc for the run.</summary>
internal static class TinyServer
{
    private const string Source = """
        #include <arpa/inet.h>
        #include <netinet/in.h>
        #include <stdlib.h>
        #include <sys/socket.h>
        #include <unistd.h>
        int main(void) {
            int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;
            struct sockaddr_in a = {0};
            a.sin_family = AF_INET;
            a.sin_port = htons(atoi(getenv("PORT")));
            inet_pton(AF_INET, getenv("HOST"), &a.sin_addr);
            setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
            if (bind(s, (struct sockaddr *)&a, sizeof a) || listen(s, 16)) return 1;
            for (;;) { int c = accept(s, 0, 0); if (c >= 0) close(c); }
        }
        """;

    /// <summary>Compiles the server into <paramref name="directory"/>; null when gcc is missing or fails.</summary>
    public static async Task<string?> BuildAsync(string directory, CancellationToken cancellationToken)
    {
        var gcc = new[] { "/usr/bin/gcc", "/usr/bin/cc" }.FirstOrDefault(File.Exists);
        if (gcc is null)
        {
            return null;
        }

        var source = Path.Combine(directory, "tiny.c");
        var binary = Path.Combine(directory, "tiny");
        await File.WriteAllTextAsync(source, Source, cancellationToken);
        using var compile = Process.Start(gcc, ["-O2", "-o", binary, source]);
        await compile.WaitForExitAsync(cancellationToken);
        return compile.ExitCode == 0 ? binary : null;
    }
}

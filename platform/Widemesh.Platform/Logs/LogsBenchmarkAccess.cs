using System.Runtime.CompilerServices;

// The log benchmarks host the store and the logs API in their own process, as meshd does.
[assembly: InternalsVisibleTo("Widemesh.Logs.Benchmarks")]

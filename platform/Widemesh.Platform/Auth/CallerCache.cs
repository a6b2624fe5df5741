using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Widemesh.Platform.Store;

namespace Widemesh.Platform.Auth;

/// <summary>
/// Remembers token lookups for a few seconds so reads cost one store query, not two. This
/// process forgets everything when any token is deleted; another replica (with a shared
/// PostgreSQL store, later) may honour a deleted token for at most <see cref="Lifetime"/>.
/// </summary>
internal sealed class CallerCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string tokenHash, [NotNullWhen(true)] out Caller? caller)
    {
        if (_entries.TryGetValue(tokenHash, out var entry) && entry.Expires > time.GetUtcNow())
        {
            caller = entry.Caller;
            return true;
        }

        caller = null;
        return false;
    }

    public void Add(string tokenHash, Caller caller)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[tokenHash] = (caller, time.GetUtcNow() + Lifetime);
    }

    public void Clear() => _entries.Clear();
}

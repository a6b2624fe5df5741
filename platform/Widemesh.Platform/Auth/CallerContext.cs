using Widemesh.Platform.Store;

namespace Widemesh.Platform.Auth;

/// <summary>Carries the authenticated <see cref="Caller"/> of a request.</summary>
internal static class CallerContext
{
    private static readonly object Key = new();

    public static void Set(HttpContext context, Caller caller) => context.Items[Key] = caller;

    /// <summary>The caller of an endpoint that requires authorization (so there always is one).</summary>
    public static Caller Get(HttpContext context) =>
        context.Items[Key] as Caller ?? throw new InvalidOperationException("The endpoint is not behind the bearer-token policy.");
}

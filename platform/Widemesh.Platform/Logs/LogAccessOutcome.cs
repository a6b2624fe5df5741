namespace Widemesh.Platform.Logs;

internal enum LogAccessOutcome
{
    Allowed,

    /// <summary>No token, or a token that is not known.</summary>
    Unauthenticated,

    /// <summary>No such environment in the caller's account.</summary>
    NotFound,
}

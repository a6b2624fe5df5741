namespace Widemesh.Cli;

/// <summary>
/// The exit codes of <c>mesh</c>. They are part of its interface: scripts may test them, so a
/// code never changes meaning. Listed in the CLI README.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Something failed that no other code describes (an apply error, a Terraform failure).</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: an unknown option, a missing argument, a bad name.</summary>
    public const int Usage = 2;

    /// <summary>The platform (<c>meshd</c>) could not be reached.</summary>
    public const int Unreachable = 3;

    /// <summary>The platform refused the token (missing, wrong or lacking rights).</summary>
    public const int Unauthorized = 4;

    /// <summary>A named environment or rack does not exist.</summary>
    public const int NotFound = 5;

    /// <summary>The change conflicts with what exists: a taken name, a rack in use, a resource another workspace manages.</summary>
    public const int Conflict = 6;

    /// <summary>The workspace holds something the built-in engine cannot evaluate, or cannot be read.</summary>
    public const int Workspace = 7;

    /// <summary>Another <c>mesh</c> run holds the workspace lock.</summary>
    public const int Locked = 8;

    /// <summary>The platform answered with an error that is not the caller's fault (5xx).</summary>
    public const int ServerError = 9;

    /// <summary><c>mesh plan --detailed-exitcode</c> found changes to apply.</summary>
    public const int ChangesPending = 10;

    /// <summary>
    /// <c>mesh env dns</c>: not every resolver answers the address of the environment's last rack yet;
    /// <c>mesh env migrate</c>: its <c>--timeout</c> ran out before DNS moved (the environment stays on both racks).
    /// </summary>
    public const int NotPropagated = 11;

    /// <summary><c>mesh deploy</c>: an instance could not start, or not every instance was ready before <c>--timeout</c>.</summary>
    public const int DeployFailed = 12;

    /// <summary>Interrupted (Ctrl-C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}

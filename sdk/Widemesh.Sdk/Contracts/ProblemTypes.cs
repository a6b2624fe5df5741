namespace Widemesh.Sdk.Contracts;

/// <summary>The stable <c>type</c> URIs of the platform's problem documents.</summary>
public static class ProblemTypes
{
    public const string Prefix = "https://widemesh.dev/problems/";

    public const string Validation = Prefix + "validation";

    public const string NotFound = Prefix + "not-found";

    public const string NameTaken = Prefix + "name-taken";

    public const string Conflict = Prefix + "conflict";

    public const string RackInUse = Prefix + "rack-in-use";

    public const string PreconditionFailed = Prefix + "precondition-failed";

    public const string Unauthorized = Prefix + "unauthorized";

    public const string Forbidden = Prefix + "forbidden";

    public const string PayloadTooLarge = Prefix + "payload-too-large";

    public const string MalformedBody = Prefix + "malformed-body";

    public const string UnknownRegion = Prefix + "unknown-region";

    /// <summary>A stack's public port is already exposed by another environment on a shared rack (409).</summary>
    public const string PortInUse = Prefix + "port-in-use";
}

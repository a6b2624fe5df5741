using Widemesh.Sdk.Contracts;

namespace Widemesh.Sdk.Client;

/// <summary>The token is missing, unknown or revoked (401).</summary>
public sealed class WidemeshUnauthorizedException : WidemeshApiException
{
    public WidemeshUnauthorizedException(ApiProblem problem, int status)
        : base(problem, status)
    {
    }
}

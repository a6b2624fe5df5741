using Widemesh.Sdk.Contracts;

namespace Widemesh.Sdk.Client;

/// <summary>The token is valid but may not do this, such as a non-admin managing accounts (403).</summary>
public sealed class WidemeshForbiddenException : WidemeshApiException
{
    public WidemeshForbiddenException(ApiProblem problem, int status)
        : base(problem, status)
    {
    }
}

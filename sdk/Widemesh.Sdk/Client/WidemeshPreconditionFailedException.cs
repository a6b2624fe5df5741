using Widemesh.Sdk.Contracts;

namespace Widemesh.Sdk.Client;

/// <summary>The resource changed since the version named in If-Match (412); read it again and retry.</summary>
public sealed class WidemeshPreconditionFailedException : WidemeshApiException
{
    public WidemeshPreconditionFailedException(ApiProblem problem, int status)
        : base(problem, status)
    {
    }
}

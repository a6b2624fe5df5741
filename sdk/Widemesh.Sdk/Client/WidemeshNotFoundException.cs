using Widemesh.Sdk.Contracts;

namespace Widemesh.Sdk.Client;

/// <summary>The resource does not exist, or belongs to another account (404).</summary>
public sealed class WidemeshNotFoundException : WidemeshApiException
{
    public WidemeshNotFoundException(ApiProblem problem, int status)
        : base(problem, status)
    {
    }
}

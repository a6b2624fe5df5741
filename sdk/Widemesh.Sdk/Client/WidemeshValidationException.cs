using Widemesh.Sdk.Contracts;

namespace Widemesh.Sdk.Client;

/// <summary>The request broke a rule; <see cref="WidemeshApiException.Field"/> and <see cref="WidemeshApiException.Errors"/> say which (400, 413).</summary>
public sealed class WidemeshValidationException : WidemeshApiException
{
    public WidemeshValidationException(ApiProblem problem, int status)
        : base(problem, status)
    {
    }
}

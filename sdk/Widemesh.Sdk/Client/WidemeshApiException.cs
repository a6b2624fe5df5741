using Widemesh.Sdk.Contracts;

namespace Widemesh.Sdk.Client;

/// <summary>The platform answered with an error; carries its RFC 7807 problem document.</summary>
public class WidemeshApiException : WidemeshException
{
    public WidemeshApiException(ApiProblem problem, int status)
        : base(problem.Detail ?? problem.Title ?? $"The platform answered {status}.")
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
        Status = status;
    }

    public ApiProblem Problem { get; }

    public int Status { get; }

    public string Type => Problem.Type ?? "about:blank";

    public string Title => Problem.Title ?? $"HTTP {Status}";

    public string? Detail => Problem.Detail;

    public string? Field => Problem.Field;

    public IReadOnlyDictionary<string, string[]> Errors => Problem.Errors ?? new Dictionary<string, string[]>();

    /// <summary>Builds the most specific exception for <paramref name="status"/>.</summary>
    public static WidemeshApiException Create(ApiProblem problem, int status) => status switch
    {
        400 or 413 or 422 => new WidemeshValidationException(problem, status),
        401 => new WidemeshUnauthorizedException(problem, status),
        403 => new WidemeshForbiddenException(problem, status),
        404 => new WidemeshNotFoundException(problem, status),
        409 => new WidemeshConflictException(problem, status),
        412 => new WidemeshPreconditionFailedException(problem, status),
        _ => new WidemeshApiException(problem, status),
    };
}

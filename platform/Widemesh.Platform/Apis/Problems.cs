using Microsoft.AspNetCore.Http.HttpResults;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Apis;

/// <summary>The platform's RFC 7807 answers: a stable type, a title, and a detail that says what to do.</summary>
internal static class Problems
{
    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult Validation(IReadOnlyDictionary<string, string[]> errors)
    {
        var (field, messages) = errors.First();
        var detail = errors.Count == 1 ? messages[0] : string.Join(" ", errors.SelectMany(e => e.Value));
        return Create(StatusCodes.Status400BadRequest, ProblemTypes.Validation, "The request breaks a rule", detail, field, ("errors", errors));
    }

    public static ProblemHttpResult NotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found", detail);

    public static ProblemHttpResult NameTaken(string field, string detail) =>
        Create(StatusCodes.Status409Conflict, ProblemTypes.NameTaken, "Name taken", detail, field);

    /// <summary>The environment's stacks or services cannot run on its racks on this machine (409, field <c>racks</c>).</summary>
    public static ProblemHttpResult CannotRun(string detail) =>
        Create(StatusCodes.Status409Conflict, ProblemTypes.Conflict, "Cannot run here", detail, "racks");

    public static ProblemHttpResult PortInUse(string detail) =>
        Create(StatusCodes.Status409Conflict, ProblemTypes.PortInUse, "Port in use", detail, "stacks");

    public static ProblemHttpResult Conflict(string detail) =>
        Create(StatusCodes.Status409Conflict, ProblemTypes.Conflict, "Conflict", detail);

    public static ProblemHttpResult RackInUse(string rack, IReadOnlyList<string> environments) => Create(
        StatusCodes.Status409Conflict,
        ProblemTypes.RackInUse,
        "Rack in use",
        $"Rack '{rack}' still hosts {Quote(environments)}. Take the rack out of their racks lists "
        + "(PATCH /v1/environments/{name}) or delete them first; deleting a rack never moves environments.",
        "name",
        ("environments", environments));

    public static ProblemHttpResult PreconditionFailed(string what, long expected, long current) => Create(
        StatusCodes.Status412PreconditionFailed,
        ProblemTypes.PreconditionFailed,
        "Version mismatch",
        $"{what} is at version {current}, not {expected} as If-Match says: someone changed it since you read it. Read it again and retry with If-Match: \"{current}\".",
        "If-Match",
        ("currentVersion", current));

    public static ProblemHttpResult Unauthorized(string detail) =>
        Create(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, "Unauthorized", detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        Create(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Forbidden", detail);

    public static ProblemHttpResult PayloadTooLarge(int limit) => Create(
        StatusCodes.Status413PayloadTooLarge,
        ProblemTypes.PayloadTooLarge,
        "Request body too large",
        $"The request body is larger than {limit / 1024} KiB, the most meshd accepts. Send only the fields of the request.");

    public static ProblemHttpResult TooLarge(string detail) =>
        Create(StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "Request body too large", detail, "body");

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        Create(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.MalformedBody, "Unsupported media type", detail, "Content-Type");

    public static ProblemHttpResult MalformedBody(string detail, string? field) =>
        Create(StatusCodes.Status400BadRequest, ProblemTypes.MalformedBody, "Malformed request body", detail, field);

    public static ProblemHttpResult UnknownRegion(string region, IReadOnlyList<string> suggestions) => Create(
        StatusCodes.Status400BadRequest,
        ProblemTypes.UnknownRegion,
        "Unknown AWS region",
        $"region '{region}' is not an AWS region that meshd knows. Did you mean {Quote(suggestions, "or")}?",
        "region",
        ("suggestions", suggestions));

    private static string Quote(IReadOnlyList<string> names, string conjunction = "and") => names.Count switch
    {
        0 => "nothing",
        1 => $"'{names[0]}'",
        _ => string.Join(", ", names.Take(names.Count - 1).Select(n => $"'{n}'")) + $" {conjunction} '{names[^1]}'",
    };

    private static ProblemHttpResult Create(int status, string type, string title, string detail, string? field = null, params (string Key, object Value)[] extra)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (field is not null)
        {
            extensions["field"] = field;
        }

        foreach (var (key, value) in extra)
        {
            extensions[key] = value;
        }

        return TypedResults.Problem(detail, statusCode: status, title: title, type: type, extensions: extensions);
    }
}

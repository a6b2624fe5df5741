using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Widemesh.Platform.Apis;

/// <summary>Versions as entity tags: <c>ETag: "3"</c> on answers, <c>If-Match: "3"</c> on changes.</summary>
internal static class ETags
{
    public static void Set(HttpResponse response, long version) =>
        response.Headers.ETag = "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>Reads If-Match: null when absent or <c>*</c>; a problem when it is not one version.</summary>
    public static (long? Version, ProblemHttpResult? Problem) ReadIfMatch(HttpRequest request)
    {
        string? header = request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return (null, null);
        }

        var tag = header.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }

        tag = tag.Trim('"');
        return long.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? (version, null)
            : (null, Problems.Validation("If-Match", $"If-Match '{header}' is not a version: send the ETag of the resource as read, such as \"3\"."));
    }
}

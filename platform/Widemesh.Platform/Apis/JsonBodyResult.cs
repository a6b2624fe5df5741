using Microsoft.AspNetCore.Http.HttpResults;

namespace Widemesh.Platform.Apis;

/// <summary>A request body read as <typeparamref name="T"/>, or the problem that prevented it.</summary>
internal sealed record JsonBodyResult<T>(T? Value, ProblemHttpResult? Problem)
    where T : class;

using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Widemesh.Sdk.Client;

/// <summary>
/// Builds the client's resilience pipelines: a timeout per attempt, inside retries with exponential
/// backoff and jitter. Safe (idempotent) requests retry on every transient failure; the others only
/// when the connection could not be opened, so the server never saw them.
/// </summary>
internal static class TransientFailures
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(10);

    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(WidemeshClientOptions options, bool idempotent)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(5),
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, idempotent)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
            });
        }

        if (options.Timeout > TimeSpan.Zero && options.Timeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.Timeout);
        }

        return builder.Build();
    }

    public static bool IsConnectFailure(Exception exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool idempotent)
    {
        if (outcome.Exception is { } exception)
        {
            return IsConnectFailure(exception)
                || (idempotent && exception is HttpRequestException or TimeoutRejectedException);
        }

        return idempotent && outcome.Result is { } response && IsTransientStatus(response.StatusCode);
    }

    private static bool IsTransientStatus(HttpStatusCode status) => status
        is HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout
        or HttpStatusCode.TooManyRequests;

    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var delta = response?.Headers.RetryAfter?.Delta;
        return delta is { } value && value > TimeSpan.Zero ? (value < MaxRetryAfter ? value : MaxRetryAfter) : null;
    }
}

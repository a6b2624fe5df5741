using System.Diagnostics;

namespace Widemesh.Deploy.Benchmarks;

/// <summary>Asks a URL every 20 ms until it answers 200: the moment a user's first request would succeed.</summary>
internal static class FirstResponse
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public static async Task<TimeSpan> WaitAsync(Uri url, Stopwatch since, TimeSpan timeout, CancellationToken cancellationToken)
    {
        while (since.Elapsed < timeout)
        {
            try
            {
                using var response = await Http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return since.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Timed out: try again.
            }

            await Task.Delay(20, cancellationToken);
        }

        throw new TimeoutException($"{url} did not answer 200 within {timeout.TotalSeconds} s.");
    }
}

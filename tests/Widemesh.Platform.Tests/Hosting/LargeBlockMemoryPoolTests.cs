using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Widemesh.Platform.Hosting;

namespace Widemesh.Platform.Tests.Hosting;

public sealed class LargeBlockMemoryPoolTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true, LargeBlockMemoryPool.BlockBytes)]
    [InlineData(false, 4096)]
    public async Task Kestrel_receives_a_request_body_in_blocks_of_the_pool_it_is_given(bool largeBlocks, int expectedLargest)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        if (largeBlocks)
        {
            LargeBlockMemoryPool.AddTo(builder.Services);
        }

        await using var app = builder.Build();
        app.MapPost("/body", async (HttpContext context) =>
        {
            // The largest piece of the body Kestrel hands over is one block of its memory pool.
            var largest = 0L;
            long total = 0;
            while (true)
            {
                var read = await context.Request.BodyReader.ReadAsync(context.RequestAborted);
                foreach (var segment in read.Buffer)
                {
                    largest = Math.Max(largest, segment.Length);
                }

                total += read.Buffer.Length;
                context.Request.BodyReader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    return $"{largest} {total}";
                }
            }
        });
        await app.StartAsync(Cancellation);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        using var response = await client.PostAsync("/body", new ByteArrayContent(new byte[4 * 1024 * 1024]), Cancellation);
        var answer = (await response.Content.ReadAsStringAsync(Cancellation)).Split(' ');

        Assert.Equal(4 * 1024 * 1024, long.Parse(answer[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expectedLargest, long.Parse(answer[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_block_is_at_least_as_large_as_asked_and_a_larger_one_cannot_be_asked_for()
    {
        using var pool = new LargeBlockMemoryPool();

        using (var block = pool.Rent(100))
        {
            Assert.Equal(LargeBlockMemoryPool.BlockBytes, block.Memory.Length);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(LargeBlockMemoryPool.BlockBytes + 1));
    }
}

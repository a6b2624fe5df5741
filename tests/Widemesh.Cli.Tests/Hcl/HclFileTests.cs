using Widemesh.Cli.Hcl;

namespace Widemesh.Cli.Tests.Hcl;

public sealed class HclFileTests
{
    [Fact]
    public async Task Load_and_save_keep_a_byte_order_mark_and_crlf()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hcl-{Guid.NewGuid():N}.tf");
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "a = 1\r\n"u8.ToArray()];
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        try
        {
            var file = await HclFile.LoadAsync(path, TestContext.Current.CancellationToken);
            await file.SaveAsync(path, TestContext.Current.CancellationToken);

            Assert.Equal(bytes, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Invalid_utf8_is_reported_as_an_error()
    {
        var file = HclFile.Decode([(byte)'a', (byte)'=', 0xFF, (byte)'\n'], "bad.tf");

        Assert.StartsWith("bad.tf:1:1: the file is not valid UTF-8 at byte 2", file.Errors[0].ToString(), StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.Logging;
using Widemesh.Provider.Plugin.Logging;

namespace Widemesh.Provider.Tests.Plugin;

public sealed class StderrLoggerProviderTests
{
    [Theory]
    [InlineData(null, LogLevel.Warning)]
    [InlineData("TRACE", LogLevel.Trace)]
    [InlineData("json", LogLevel.Trace)]
    [InlineData("DEBUG", LogLevel.Debug)]
    [InlineData("INFO", LogLevel.Information)]
    [InlineData("WARN", LogLevel.Warning)]
    [InlineData("ERROR", LogLevel.Error)]
    [InlineData("OFF", LogLevel.None)]
    [InlineData("bogus", LogLevel.Trace)]
    public void Levels_follow_terraforms_rules(string? value, LogLevel expected)
    {
        Assert.Equal(expected, StderrLoggerProvider.ParseLevel(value));
    }
}

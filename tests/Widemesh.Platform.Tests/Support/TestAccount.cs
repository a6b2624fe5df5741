using Widemesh.Sdk.Client;

namespace Widemesh.Platform.Tests.Support;

public sealed record TestAccount(string Name, string Token, WidemeshClient Client) : IDisposable
{
    public void Dispose() => Client.Dispose();
}

using Google.Protobuf;
using Widemesh.Provider.Cty;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>ApplyResourceChange answered errors; carries the state the provider returned so it is still recorded.</summary>
internal sealed class ApplyFailedException(CtyValue state, ByteString privateData, IReadOnlyList<Tf.Diagnostic> diagnostics)
    : Exception("The provider reported errors while applying.")
{
    public CtyValue State { get; } = state;

    public ByteString Private { get; } = privateData;

    public IReadOnlyList<Tf.Diagnostic> Diagnostics { get; } = diagnostics;
}

using Widemesh.Provider.Cty;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.Tests.Server;

internal sealed record ApplyOutcome(Tf.ApplyResourceChange.Types.Response Response, CtyValue NewState);

using Widemesh.Provider.Cty;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.Tests.Server;

internal sealed record PlanOutcome(Tf.PlanResourceChange.Types.Response Response, CtyValue Planned);

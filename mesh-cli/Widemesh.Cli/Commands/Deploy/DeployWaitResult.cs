using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Commands.Deploy;

/// <summary>How waiting for the instances ended: all ready, one failed for good, or the timeout passed; with the instances at fault.</summary>
internal sealed record DeployWaitResult(bool Succeeded, bool TimedOut, IReadOnlyList<InstanceInfo> Failing, IReadOnlyList<InstanceInfo> Last);

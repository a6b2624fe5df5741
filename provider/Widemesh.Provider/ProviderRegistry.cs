using Widemesh.Provider.DataSources;
using Widemesh.Provider.Resources;
using Widemesh.Provider.Resources.Environment;
using Widemesh.Provider.Resources.LogDrain;
using Widemesh.Provider.Resources.Rack;

namespace Widemesh.Provider;

/// <summary>Every resource and data source the provider serves, listed explicitly (no reflection).</summary>
internal sealed class ProviderRegistry
{
    public static ProviderRegistry Default { get; } = new(
        [
            new RackResource(),
            new EnvironmentResource(),
            new LogDrainResource(),
        ],
        [
            new RackDataSource(),
            new EnvironmentDataSource(),
            new RacksDataSource(),
            new EnvironmentsDataSource(),
            new DnsPropagationDataSource(),
        ]);

    public ProviderRegistry(IReadOnlyList<IManagedResource> resources, IReadOnlyList<IDataSource> dataSources)
    {
        Resources = resources.ToDictionary(r => r.TypeName, StringComparer.Ordinal);
        DataSources = dataSources.ToDictionary(d => d.TypeName, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, IManagedResource> Resources { get; }

    public IReadOnlyDictionary<string, IDataSource> DataSources { get; }
}

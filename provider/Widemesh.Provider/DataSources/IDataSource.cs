using Widemesh.Provider.Cty;
using Widemesh.Provider.Schema;
using Widemesh.Provider.Server;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.DataSources;

/// <summary>A data source type: validates its configuration and reads a wholly known state.</summary>
internal interface IDataSource
{
    public string TypeName { get; }

    public ResourceSchema Schema { get; }

    public void Validate(CtyValue config, ICollection<Tf.Diagnostic> diagnostics);

    /// <summary>Returns the state to store, or null (with an error diagnostic) when it cannot be read.</summary>
    public Task<CtyValue?> ReadAsync(CtyValue config, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken);
}

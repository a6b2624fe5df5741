using Widemesh.Provider.Cty;
using Widemesh.Provider.Diagnostics;
using Widemesh.Provider.Schema;
using Widemesh.Provider.Server;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;
using Widemesh.Sdk.Naming;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;
using static Widemesh.Provider.Resources.Environment.EnvironmentSchema;

namespace Widemesh.Provider.Resources.Environment;

/// <summary>
/// <c>widemesh_environment</c>. A new name replaces the environment; a new <c>racks</c> list is an
/// in-place update (the migration path). Import ID: the environment name.
/// </summary>
internal sealed class EnvironmentResource : IManagedResource
{
    public const string ManagedBy = "terraform";

    public string TypeName => "widemesh_environment";

    public ResourceSchema Schema => EnvironmentSchema.Resource;

    public void Validate(CtyValue config, ICollection<Tf.Diagnostic> diagnostics)
    {
        EnvironmentRules.Validate("Invalid Environment Configuration", config, diagnostics);
        if (config.IsKnown)
        {
            EnvironmentWorkloadRules.Validate("Invalid Environment Configuration", config, diagnostics);
        }
    }

    public async Task<ResourcePlan> PlanAsync(
        ResourcePlanRequest request, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        EnvironmentRules.Validate("Plan Environment Error", request.Config, diagnostics);
        if (request.Config.IsKnown)
        {
            EnvironmentWorkloadRules.Validate("Plan Environment Error", request.Config, diagnostics);
        }

        var unknown = CtyValue.Unknown(CtyType.String);
        var planned = EnvironmentWorkloads.PlanDefaults(request.Proposed.With(PrimaryRack, PlannedPrimaryRack(request.Config)), request.Config);

        if (request.IsCreate)
        {
            await EnvironmentChecks.NameAvailableAsync(request.Config, platform, diagnostics, cancellationToken);
            await EnvironmentChecks.RacksExistAsync(request.Config, platform, diagnostics, cancellationToken);
            return new ResourcePlan(planned.With(Id, unknown).With(Hostname, unknown).With(Status, unknown).With(DnsRecords, EnvironmentDnsRecords.Unknown), []);
        }

        if (planned.ValueEquals(request.Prior))
        {
            return new ResourcePlan(request.Prior, []);
        }

        if (!planned[Name].ValueEquals(request.Prior[Name]))
        {
            await EnvironmentChecks.NameAvailableAsync(request.Config, platform, diagnostics, cancellationToken);
            await EnvironmentChecks.RacksExistAsync(request.Config, platform, diagnostics, cancellationToken);
            return new ResourcePlan(
                planned.With(Id, unknown).With(Hostname, unknown).With(Status, unknown).With(DnsRecords, EnvironmentDnsRecords.Unknown),
                [CtyPath.Attribute(Name)]);
        }

        await EnvironmentChecks.RacksExistAsync(request.Config, platform, diagnostics, cancellationToken);
        return new ResourcePlan(
            planned.With(Id, request.Prior[Id]).With(Hostname, request.Prior[Hostname]).With(Status, unknown)
                .With(DnsRecords, planned[Racks].ValueEquals(request.Prior[Racks]) ? request.Prior[DnsRecords] : EnvironmentDnsRecords.Unknown),
            []);
    }

    public async Task<CtyValue?> ApplyAsync(
        CtyValue prior, CtyValue planned, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var client = platform.Client!;
        var name = planned[Name].AsString();
        var racks = planned[Racks].Elements.Select(e => e.AsString()).ToList();
        var operation = prior.IsNull ? "Create Environment" : "Update Environment";
        try
        {
            var environment = prior.IsNull
                ? await client.CreateEnvironmentAsync(
                    new CreateEnvironmentRequest
                    {
                        Name = name,
                        Racks = racks,
                        ManagedBy = ManagedBy,
                        Stacks = EnvironmentWorkloads.Stacks(planned),
                        Services = EnvironmentWorkloads.Services(planned),
                        Release = EnvironmentWorkloads.ReleaseOf(planned),
                    },
                    cancellationToken)
                : await client.UpdateEnvironmentAsync(
                    name,
                    new UpdateEnvironmentRequest
                    {
                        Racks = racks,
                        Stacks = EnvironmentWorkloads.Stacks(planned),
                        Services = EnvironmentWorkloads.Services(planned),
                        Release = EnvironmentWorkloads.ReleaseOf(planned) ?? string.Empty,
                    },
                    null,
                    cancellationToken);
            var records = planned[DnsRecords].IsKnown ? planned[DnsRecords] : await ReadRecordsAfterWriteAsync(client, name, operation, diagnostics, cancellationToken);
            return planned
                .With(Id, CtyValue.String(environment.Id))
                .With(PrimaryRack, CtyValue.String(environment.PrimaryRack))
                .With(Hostname, CtyValue.String(environment.Hostname))
                .With(Status, CtyValue.String(environment.Status))
                .With(DnsRecords, records);
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform(operation, ex, FieldPath));
            return null;
        }
    }

    /// <summary>
    /// The records after a write that succeeded: a failure to read them must not drop the environment from state
    /// (it exists now), so it becomes an empty list and a warning; the next refresh reads them.
    /// </summary>
    private static async Task<CtyValue> ReadRecordsAfterWriteAsync(
        WidemeshClient client, string name, string operation, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            return await EnvironmentDnsRecords.ReadAsync(client, name, cancellationToken);
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Warning(
                $"{operation}: DNS records not read",
                $"Environment '{name}' was written, but its DNS records could not be read ({ex.Message}). dns_records is empty until the next refresh: run terraform apply -refresh-only, or the next plan reads them."));
            return CtyValue.List(EnvironmentDnsRecords.RecordType, []);
        }
    }

    public async Task DeleteAsync(CtyValue prior, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            await platform.Client!.DeleteEnvironmentAsync(prior[Name].AsString(), null, cancellationToken);
        }
        catch (WidemeshNotFoundException)
        {
            // Already gone: deleting is done.
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Delete Environment", ex));
        }
    }

    public async Task<CtyValue?> ReadAsync(CtyValue current, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            var environment = await platform.Client!.GetEnvironmentAsync(current[Name].AsString(), cancellationToken);
            return environment is null ? null : ToState(environment, await EnvironmentDnsRecords.ReadAsync(platform.Client, environment.Name, cancellationToken), current);
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Read Environment", ex));
            return current;
        }
    }

    public async Task<CtyValue?> ImportAsync(string id, PlatformConnection platform, ICollection<Tf.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (NameRules.Validate(id, "import ID") is { } problem)
        {
            diagnostics.Add(ProviderDiagnostics.Error("Import Environment Error", $"{problem} The import ID of widemesh_environment is the environment name."));
            return null;
        }

        try
        {
            var environment = await platform.Client!.GetEnvironmentAsync(id, cancellationToken);
            if (environment is null)
            {
                diagnostics.Add(ProviderDiagnostics.Error(
                    "Import Environment Error",
                    $"The account has no environment named \"{id}\". Check the name with `mesh env ls` (or the widemesh_environments data source); the import ID is the environment name."));
                return null;
            }

            return ToState(environment, await EnvironmentDnsRecords.ReadAsync(platform.Client, environment.Name, cancellationToken));
        }
        catch (WidemeshException ex)
        {
            diagnostics.Add(ProviderDiagnostics.Platform("Import Environment", ex));
            return null;
        }
    }

    /// <summary>Version 0 had no <c>release</c>, <c>stack</c> or <c>service</c>: the blocks become empty lists (never null).</summary>
    public CtyValue UpgradeState(long version, CtyValue state) => EnvironmentWorkloads.Upgrade(state);

    /// <summary>The state of <paramref name="environment"/>; <paramref name="current"/> (when refreshing) keeps how empty maps were written.</summary>
    public static CtyValue ToState(EnvironmentInfo environment, CtyValue dnsRecords, CtyValue? current = null) => CtyValue.Object(EnvironmentSchema.Resource.ImpliedType,
    [
        KeyValuePair.Create(Name, CtyValue.String(environment.Name)),
        KeyValuePair.Create(Racks, AttributeValues.StringList(environment.Racks)),
        KeyValuePair.Create(PrimaryRack, CtyValue.String(environment.PrimaryRack)),
        KeyValuePair.Create(Hostname, CtyValue.String(environment.Hostname)),
        KeyValuePair.Create(Id, CtyValue.String(environment.Id)),
        KeyValuePair.Create(Status, CtyValue.String(environment.Status)),
        KeyValuePair.Create(DnsRecords, dnsRecords),
        KeyValuePair.Create(EnvironmentWorkloads.Release, CtyValue.StringOrNull(environment.Release)),
        KeyValuePair.Create(EnvironmentWorkloads.Stack, EnvironmentWorkloads.StackValues(environment.Stacks, current)),
        KeyValuePair.Create(EnvironmentWorkloads.Service, EnvironmentWorkloads.ServiceValues(environment.Services, current)),
    ]);

    /// <summary>The last rack when the list and its last element are known; unknown otherwise.</summary>
    private static CtyValue PlannedPrimaryRack(CtyValue config)
    {
        var racks = config.IsKnown ? config[Racks] : CtyValue.Unknown(CtyType.List(CtyType.String));
        if (racks.IsNull)
        {
            return CtyValue.Null(CtyType.String);
        }

        if (!racks.IsKnown || racks.Elements.Count == 0)
        {
            return CtyValue.Unknown(CtyType.String);
        }

        var last = racks.Elements[^1];
        return last.IsKnown ? last : CtyValue.Unknown(CtyType.String);
    }

    private static CtyPath? FieldPath(string field)
    {
        var root = field.Split('[', '.')[0];
        if (root == Racks && field.Length > Racks.Length + 2 && int.TryParse(field.AsSpan(Racks.Length + 1, field.IndexOf(']', StringComparison.Ordinal) - Racks.Length - 1), out var index))
        {
            return CtyPath.Attribute(Racks).WithIndex(index);
        }

        return root is Name or Racks ? CtyPath.Attribute(root) : EnvironmentWorkloads.FieldPath(field);
    }
}

using Google.Protobuf;
using Grpc.Core;
using Widemesh.Testing.Terraform.Cty;
using Widemesh.Testing.Terraform.Plugin;
using Widemesh.Testing.Terraform.Protocol.GoPlugin;
using Widemesh.Testing.Terraform.Schema;
using Proto = Widemesh.Testing.Terraform.Protocol.Tfplugin6;

namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>Change RPCs: plan, apply and destroy, each answer checked (§4.2–4.6).</summary>
public sealed partial class ConformanceHarness
{
    /// <summary>
    /// PlanResourceChange like Terraform: proposed_new_state built with ProposedNew, the answer checked with
    /// AssertPlanValid and the requires_replace rules, and a second call with a null prior for a replace.
    /// With error diagnostics the plan is returned unchecked (Terraform stops there too).
    /// </summary>
    public async Task<PlanResult> PlanResourceChangeAsync(string typeName, ResourceState? prior, CtyValue config, CancellationToken cancellationToken)
    {
        var schema = Schemas.Resource(typeName);
        var type = schema.Block.ImpliedType();
        var priorValue = prior?.Value ?? CtyValue.Null(type);
        var proposed = ProposedNewState.Build(schema.Block, priorValue, config);
        var response = await SendPlanAsync(typeName, priorValue, proposed, config, prior?.Private ?? [], cancellationToken);
        var diagnostics = Diagnostics("PlanResourceChange", response.Diagnostics, type);
        var planned = ProtoConversions.FromDynamic(response.PlannedState, type, TerraformErrors.InvalidPlan, $"the planned state of {typeName}");
        var requiresReplace = response.RequiresReplace.Select(ProtoConversions.FromProto).ToList();
        var plannedPrivate = response.PlannedPrivate.ToByteArray();
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new PlanResult(PlannedAction.NoOp, priorValue, config, proposed, planned, plannedPrivate, requiresReplace, diagnostics);
        }

        var (action, replace) = ResponseChecks.CheckPlan(typeName, schema, priorValue, config, planned, requiresReplace,
            response.LegacyTypeSystem, response.Deferred is not null, deferralAllowed: false);
        var result = new PlanResult(action, priorValue, config, proposed, planned, plannedPrivate, replace, diagnostics);
        if (action != PlannedAction.Replace)
        {
            return result;
        }

        var nullPrior = CtyValue.Null(type);
        var replacementProposed = ProposedNewState.Build(schema.Block, nullPrior, config);
        var second = await SendPlanAsync(typeName, nullPrior, replacementProposed, config, plannedPrivate, cancellationToken);
        var secondDiagnostics = Diagnostics("PlanResourceChange", second.Diagnostics, type);
        var secondPlanned = ProtoConversions.FromDynamic(second.PlannedState, type, TerraformErrors.InvalidPlan, $"the replacement plan of {typeName}");
        return result with
        {
            Replacement = new PlanResult(PlannedAction.Create, nullPrior, config, replacementProposed, secondPlanned, second.PlannedPrivate.ToByteArray(), [], secondDiagnostics),
        };
    }

    /// <summary>
    /// The apply walk for one instance: ValidateResourceConfig, the final re-plan checked against the saved plan,
    /// then ApplyResourceChange (delete + create for a replace) with every result check.
    /// </summary>
    public async Task<ApplyResult> ApplyAsync(string typeName, ResourceState? prior, PlanResult saved, CancellationToken cancellationToken)
    {
        var schema = Schemas.Resource(typeName);
        var type = schema.Block.ImpliedType();
        if (saved.HasErrors)
        {
            throw new InvalidOperationException("cannot apply a plan that has errors: " + string.Join("; ", saved.Diagnostics));
        }

        if (saved.Action == PlannedAction.Delete)
        {
            return await ApplyDeleteAsync(typeName, prior!, saved.PlannedPrivate, cancellationToken);
        }

        var diagnostics = new List<HarnessDiagnostic>(await ValidateResourceConfigAsync(typeName, saved.Config, cancellationToken));
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new ApplyResult(prior, diagnostics);
        }

        var final = await PlanResourceChangeAsync(typeName, prior, saved.Config, cancellationToken);
        diagnostics.AddRange(final.Diagnostics);
        if (final.HasErrors)
        {
            return new ApplyResult(prior, diagnostics);
        }

        ResponseChecks.CheckFinalPlan(typeName, schema, saved, final);
        if (final.Action == PlannedAction.NoOp)
        {
            return new ApplyResult(prior, diagnostics);
        }

        if (final.Action == PlannedAction.Replace)
        {
            var deleted = await ApplyDeleteAsync(typeName, prior!, prior!.Private, cancellationToken);
            diagnostics.AddRange(deleted.Diagnostics);
            if (deleted.HasErrors)
            {
                return new ApplyResult(prior, diagnostics);
            }

            final = final.Replacement ?? throw new ConformanceException(TerraformErrors.InvalidPlan, "a replace plan without its replacement plan");
            prior = null;
        }

        var priorValue = prior?.Value ?? CtyValue.Null(type);
        var response = await InvokeAsync("ApplyResourceChange", () => Provider.ApplyResourceChangeAsync(new Proto.ApplyResourceChange.Types.Request
        {
            TypeName = typeName,
            PriorState = ProtoConversions.ToDynamic(priorValue, type),
            PlannedState = ProtoConversions.ToDynamic(final.Planned, type),
            Config = ProtoConversions.ToDynamic(final.Config, type),
            PlannedPrivate = ByteString.CopyFrom(final.PlannedPrivate),
        }, cancellationToken: cancellationToken));
        var applyDiagnostics = Diagnostics("ApplyResourceChange", response.Diagnostics, type);
        diagnostics.AddRange(applyDiagnostics);
        if (response.LegacyTypeSystem)
        {
            throw new ConformanceException(TerraformErrors.InvalidResultObject, $"{typeName}: legacy_type_system is set on the apply result; it must stay false");
        }

        var newState = ProtoConversions.FromDynamic(response.NewState, type, TerraformErrors.InvalidObject, $"the new state of {typeName} after apply (cannot be saved)");
        var hasErrors = applyDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        ResponseChecks.CheckApplyResult(typeName, schema, final.Action == PlannedAction.Update ? PlannedAction.Update : PlannedAction.Create, final.Planned, newState, hasErrors);
        if (!hasErrors)
        {
            ResponseChecks.CheckPrivatePassthrough("ApplyResourceChange", final.PlannedPrivate, response.Private.ToByteArray());
        }

        var state = newState.IsNull ? (hasErrors ? prior : null) : new ResourceState(newState, response.Private.ToByteArray(), schema.Version);
        return new ApplyResult(state, diagnostics);
    }

    /// <summary>A destroy as Terraform runs it: a destroy plan (when plan_destroy) then ApplyResourceChange with planned null.</summary>
    public async Task<ApplyResult> DestroyAsync(string typeName, ResourceState prior, CancellationToken cancellationToken)
    {
        var plan = await PlanDestroyAsync(typeName, prior, cancellationToken);
        return plan.HasErrors ? new ApplyResult(prior, plan.Diagnostics) : await ApplyAsync(typeName, prior, plan, cancellationToken);
    }

    public async Task<PlanResult> PlanDestroyAsync(string typeName, ResourceState prior, CancellationToken cancellationToken)
    {
        var schema = Schemas.Resource(typeName);
        var type = schema.Block.ImpliedType();
        var nullValue = CtyValue.Null(type);
        if (!Schemas.PlanDestroy)
        {
            return new PlanResult(PlannedAction.Delete, prior.Value, nullValue, nullValue, nullValue, prior.Private, [], []);
        }

        var response = await SendPlanAsync(typeName, prior.Value, nullValue, nullValue, prior.Private, cancellationToken);
        var diagnostics = Diagnostics("PlanResourceChange", response.Diagnostics, type);
        var planned = ProtoConversions.FromDynamic(response.PlannedState, type, TerraformErrors.InvalidPlan, $"the destroy plan of {typeName}");
        if (!diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            ResponseChecks.CheckPlan(typeName, schema, prior.Value, nullValue, planned, [], response.LegacyTypeSystem, response.Deferred is not null, deferralAllowed: false);
        }

        return new PlanResult(PlannedAction.Delete, prior.Value, nullValue, nullValue, planned, response.PlannedPrivate.ToByteArray(), [], diagnostics);
    }

    private Task<Proto.PlanResourceChange.Types.Response> SendPlanAsync(string typeName, CtyValue prior, CtyValue proposed, CtyValue config, byte[] priorPrivate, CancellationToken cancellationToken)
    {
        var type = Schemas.Resource(typeName).Block.ImpliedType();
        return InvokeAsync("PlanResourceChange", () => Provider.PlanResourceChangeAsync(new Proto.PlanResourceChange.Types.Request
        {
            TypeName = typeName,
            PriorState = ProtoConversions.ToDynamic(prior, type),
            ProposedNewState = ProtoConversions.ToDynamic(proposed, type),
            Config = ProtoConversions.ToDynamic(config, type),
            PriorPrivate = ByteString.CopyFrom(priorPrivate),
            ClientCapabilities = Capabilities(),
        }, cancellationToken: cancellationToken));
    }

    private async Task<ApplyResult> ApplyDeleteAsync(string typeName, ResourceState prior, byte[] plannedPrivate, CancellationToken cancellationToken)
    {
        var schema = Schemas.Resource(typeName);
        var type = schema.Block.ImpliedType();
        var nullValue = CtyValue.Null(type);
        var response = await InvokeAsync("ApplyResourceChange", () => Provider.ApplyResourceChangeAsync(new Proto.ApplyResourceChange.Types.Request
        {
            TypeName = typeName,
            PriorState = ProtoConversions.ToDynamic(prior.Value, type),
            PlannedState = ProtoConversions.ToDynamic(nullValue, type),
            Config = ProtoConversions.ToDynamic(nullValue, type),
            PlannedPrivate = ByteString.CopyFrom(plannedPrivate),
        }, cancellationToken: cancellationToken));
        var diagnostics = Diagnostics("ApplyResourceChange", response.Diagnostics, type);
        var newState = ProtoConversions.FromDynamic(response.NewState, type, TerraformErrors.InvalidObject, $"the new state of {typeName} after delete");
        var hasErrors = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        ResponseChecks.CheckApplyResult(typeName, schema, PlannedAction.Delete, nullValue, newState, hasErrors);
        return new ApplyResult(hasErrors ? (newState.IsNull ? prior : new ResourceState(newState, response.Private.ToByteArray(), schema.Version)) : null, diagnostics);
    }
}

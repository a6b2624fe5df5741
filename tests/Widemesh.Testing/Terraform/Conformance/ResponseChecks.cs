using Widemesh.Testing.Terraform.Cty;
using Widemesh.Testing.Terraform.Schema;

namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>
/// The checks Terraform core runs on provider answers (protocol doc §4), as pure functions over decoded values.
/// Each throws <see cref="ConformanceException"/> titled like Terraform's error.
/// </summary>
public static class ResponseChecks
{
    /// <summary>Schema checks (§2.3, §4.7): InternalValidate on every resource and data source, versions ≥ 0.</summary>
    public static void CheckSchemas(ProviderSchemas schemas)
    {
        var problems = new List<string>();
        if (schemas.Provider.Version < 0)
        {
            problems.Add($"provider schema version {schemas.Provider.Version} is negative");
        }

        foreach (var (kind, map) in new[] { ("resource", schemas.Resources), ("data source", schemas.DataSources) })
        {
            foreach (var (name, schema) in map)
            {
                problems.AddRange(SchemaValidator.InternalValidate(schema).Select(p => $"{kind} {name}: {p}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new ConformanceException(TerraformErrors.InvalidSchema, "the provider has an invalid schema, which is a bug in the provider: " + string.Join("; ", problems));
        }
    }

    /// <summary>Checks a plan (§4.3) and returns the action Terraform would take plus the requires_replace paths that survive.</summary>
    public static (PlannedAction Action, IReadOnlyList<IReadOnlyList<AttributePathStep>> Replace) CheckPlan(
        string resource,
        ResourceSchema schema,
        CtyValue prior,
        CtyValue config,
        CtyValue planned,
        IReadOnlyList<IReadOnlyList<AttributePathStep>> requiresReplace,
        bool legacyTypeSystem,
        bool deferred,
        bool deferralAllowed)
    {
        if (legacyTypeSystem)
        {
            throw new ConformanceException(TerraformErrors.InvalidPlan, $"{resource}: legacy_type_system is set; it must stay false (it disables Terraform's checks and exists only for the old Go SDK)");
        }

        if (deferred && !deferralAllowed)
        {
            throw new ConformanceException(TerraformErrors.InvalidPlan, $"{resource}: the provider deferred the change although the client did not allow deferral");
        }

        CheckWriteOnlyNull(schema.Block, planned, TerraformErrors.InvalidPlan, $"{resource}: planned state");
        var errors = PlanValidity.AssertPlanValid(schema.Block, prior, config, planned);
        if (errors.Count > 0)
        {
            throw new ConformanceException(TerraformErrors.InvalidPlan,
                $"Provider planned an invalid value for {resource}: " + string.Join("; ", errors) + ". This is a bug in the provider.");
        }

        if (config.IsNull)
        {
            return (PlannedAction.Delete, []);
        }

        if (prior.IsNull)
        {
            return (PlannedAction.Create, []);
        }

        var surviving = new List<IReadOnlyList<AttributePathStep>>();
        foreach (var path in requiresReplace)
        {
            var inPrior = AttributePaths.TryEvaluate(prior, path, out var priorValue);
            var inPlanned = AttributePaths.TryEvaluate(planned, path, out var plannedValue);
            if (!inPrior && !inPlanned)
            {
                throw new ConformanceException(TerraformErrors.InvalidPlan,
                    $"{resource}: the provider requires replacement because of {AttributePaths.Format(path)}, a non-existent attribute path");
            }

            if (inPrior && inPlanned && priorValue.EqualsIgnoringRefinements(plannedValue) && plannedValue.IsWhollyKnown())
            {
                continue;
            }

            surviving.Add(path);
        }

        if (surviving.Count > 0)
        {
            return (PlannedAction.Replace, surviving);
        }

        return (planned.IsWhollyKnown() && planned.Equals(prior) ? PlannedAction.NoOp : PlannedAction.Update, []);
    }

    /// <summary>The apply-time re-plan against the saved plan (§4.5).</summary>
    public static void CheckFinalPlan(string resource, ResourceSchema schema, PlanResult original, PlanResult final)
    {
        if (final.Action != original.Action && !(original.Action == PlannedAction.Update && final.Action == PlannedAction.NoOp))
        {
            throw new ConformanceException(TerraformErrors.InconsistentFinalPlan,
                $"When expanding the plan for {resource} to include new values learned so far during apply, the provider changed the planned action from {original.Action} to {final.Action}. This is a bug in the provider.");
        }

        var errors = ObjectCompatibility.AssertObjectCompatible(schema.Block, original.Planned, final.Planned);
        if (errors.Count > 0)
        {
            throw new ConformanceException(TerraformErrors.InconsistentFinalPlan,
                $"When expanding the plan for {resource} to include new values learned so far during apply, the provider produced an invalid new value: " + string.Join("; ", errors) + ". This is a bug in the provider.");
        }
    }

    /// <summary>The ApplyResourceChange result checks (§4.6).</summary>
    public static void CheckApplyResult(string resource, ResourceSchema schema, PlannedAction action, CtyValue planned, CtyValue newState, bool hasErrors)
    {
        CheckWriteOnlyNull(schema.Block, newState, TerraformErrors.InvalidObject, $"{resource}: new state after apply");
        var unknowns = newState.UnknownPaths().ToList();
        if (unknowns.Count > 0)
        {
            throw new ConformanceException(TerraformErrors.InvalidResultObject,
                $"Provider returned invalid result object after apply for {resource}: the result still indicated an unknown value for {string.Join(", ", unknowns)}. This is a bug in the provider.");
        }

        if (hasErrors)
        {
            return;
        }

        if (action == PlannedAction.Delete)
        {
            if (!newState.IsNull)
            {
                throw new ConformanceException(TerraformErrors.InvalidResultObject, $"Provider returned a non-null object for {resource} after a delete.");
            }

            return;
        }

        if (newState.IsNull)
        {
            throw new ConformanceException(TerraformErrors.InvalidResultObject, $"Provider returned a null object for {resource} after {action}; only a delete may do that.");
        }

        var errors = ObjectCompatibility.AssertObjectCompatible(schema.Block, planned, newState);
        if (errors.Count > 0)
        {
            throw new ConformanceException(TerraformErrors.InconsistentResult,
                $"When applying changes to {resource}, the provider produced an unexpected new value: " + string.Join("; ", errors) + ". This is a bug in the provider.");
        }
    }

    /// <summary>ReadResource (§4.7): wholly known and write-only attributes null; null means gone.</summary>
    public static void CheckReadResult(string resource, ResourceSchema schema, CtyValue newState)
    {
        CheckWriteOnlyNull(schema.Block, newState, TerraformErrors.InvalidObject, $"{resource}: state during refresh");
        var unknowns = newState.UnknownPaths().ToList();
        if (unknowns.Count > 0)
        {
            throw new ConformanceException(TerraformErrors.InvalidObject,
                $"Provider produced invalid object for {resource} during refresh: unknown values at {string.Join(", ", unknowns)}. This is a bug in the provider.");
        }
    }

    public static void CheckUpgradeResult(string resource, ResourceSchema schema, CtyValue upgraded)
    {
        CheckWriteOnlyNull(schema.Block, upgraded, TerraformErrors.InvalidUpgrade, $"{resource}: upgraded state");
        var unknowns = upgraded.UnknownPaths().ToList();
        if (unknowns.Count > 0)
        {
            throw new ConformanceException(TerraformErrors.InvalidUpgrade, $"The upgraded state of {resource} contains unknown values at {string.Join(", ", unknowns)}.");
        }

        if (upgraded.IsNull)
        {
            throw new ConformanceException(TerraformErrors.InvalidUpgrade, $"The provider upgraded {resource} to a null object, which would silently drop the instance.");
        }
    }

    /// <summary>ImportResourceState (§4.7): one resource, of the requested type, non-null.</summary>
    public static void CheckImportResult(string requestedType, IReadOnlyList<(string TypeName, CtyValue State)> imported, bool deferred)
    {
        if (imported.Count == 0 && !deferred)
        {
            throw new ConformanceException(TerraformErrors.ImportNoResources, $"The provider returned no resources for an import of {requestedType}.");
        }

        if (imported.Count > 1)
        {
            throw new ConformanceException(TerraformErrors.ImportMultiple, $"The provider returned {imported.Count} resources for an import of {requestedType}.");
        }

        foreach (var (typeName, state) in imported)
        {
            if (typeName.Length == 0)
            {
                throw new ConformanceException(TerraformErrors.InvalidObject, "The provider returned an imported resource with an empty type_name.");
            }

            if (typeName != requestedType)
            {
                throw new ConformanceException(TerraformErrors.InvalidObject, $"The provider returned an imported {typeName} for an import of {requestedType}.");
            }

            if (state.IsNull)
            {
                throw new ConformanceException(TerraformErrors.ImportNullResource, $"The provider returned a null state for an import of {requestedType}.");
            }

            if (!state.IsWhollyKnown())
            {
                throw new ConformanceException(TerraformErrors.InvalidObject, $"The imported {requestedType} contains unknown values at {string.Join(", ", state.UnknownPaths())}.");
            }
        }
    }

    public static void CheckDataSourceResult(string dataSource, ResourceSchema schema, CtyValue state)
    {
        if (state.IsNull)
        {
            throw new ConformanceException(TerraformErrors.NullObject, $"The provider produced a null value for {dataSource}. This is a bug in the provider.");
        }

        var unknowns = state.UnknownPaths().ToList();
        if (unknowns.Count > 0)
        {
            throw new ConformanceException(TerraformErrors.InvalidObject, $"The provider produced a value for {dataSource} that is not wholly known (unknown at {string.Join(", ", unknowns)}). This is a bug in the provider.");
        }

        CheckWriteOnlyNull(schema.Block, state, TerraformErrors.InvalidObject, dataSource);
    }

    /// <summary>Every diagnostic attribute path must resolve against the config type so Terraform can point at the source.</summary>
    public static void CheckDiagnosticPaths(string rpc, CtyType configType, IReadOnlyList<HarnessDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics.Where(d => d.Path.Count > 0))
        {
            if (!AttributePaths.ExistsInType(configType, diagnostic.Path))
            {
                throw new ConformanceException(TerraformErrors.InvalidDiagnostic,
                    $"{rpc} returned a diagnostic whose attribute path {diagnostic.PathText} does not exist in the schema: {diagnostic}");
            }
        }
    }

    /// <summary>A provider that answers empty private bytes erases what Terraform stored (§4.8).</summary>
    public static void CheckPrivatePassthrough(string rpc, byte[] sent, byte[] returned)
    {
        if (sent.Length > 0 && returned.Length == 0)
        {
            throw new ConformanceException(TerraformErrors.InvalidObject,
                $"{rpc} was sent {sent.Length} bytes of private data and answered none, which erases them from state; echo private data you do not change.");
        }
    }

    private static void CheckWriteOnlyNull(SchemaBlock block, CtyValue value, string title, string what)
    {
        if (!value.IsKnown || value.IsNull)
        {
            return;
        }

        foreach (var attribute in block.Attributes.Where(a => a.WriteOnly))
        {
            if (!value.GetAttribute(attribute.Name).IsNull)
            {
                throw new ConformanceException(title, $"{what}: the provider returned a value for the write-only attribute {attribute.Name}; write-only attributes must be null.");
            }
        }

        foreach (var nested in block.BlockTypes)
        {
            var blockValue = value.GetAttribute(nested.TypeName);
            if (nested.Nesting is SchemaNesting.Single or SchemaNesting.Group)
            {
                CheckWriteOnlyNull(nested.Block, blockValue, title, what);
                continue;
            }

            foreach (var element in blockValue.IsKnown ? blockValue.Elements.Concat(blockValue.Entries.Values) : [])
            {
                CheckWriteOnlyNull(nested.Block, element, title, what);
            }
        }
    }
}

using Widemesh.Testing.Terraform.Conformance;
using Widemesh.Testing.Terraform.Cty;
using static Widemesh.Provider.Tests.Conformance.Harness.HarnessSome;

namespace Widemesh.Provider.Tests.Conformance.Harness;

/// <summary>Feeds the harness deliberately broken provider answers and proves it refuses each with Terraform's title.</summary>
public sealed class ResponseChecksTests
{
    private const string Resource = "widemesh_environment.web";

    [Fact]
    public void A_create_plan_with_unknown_computed_attributes_is_valid()
    {
        var planned = Config().WithAttribute("id", Unknown()).WithAttribute("primary_rack", Unknown()).WithAttribute("region", Unknown());

        var (action, _) = CheckPlan(CtyValue.Null(EnvironmentType()), Config(), planned);

        Assert.Equal(PlannedAction.Create, action);
    }

    [Fact]
    public void A_plan_that_changes_a_non_computed_attribute_is_an_invalid_plan()
    {
        var planned = Config().WithAttribute("name", CtyValue.String("other"));

        var error = Violation(() => CheckPlan(CtyValue.Null(EnvironmentType()), Config(), planned));

        Assert.Equal(TerraformErrors.InvalidPlan, error.Title);
        Assert.Contains(".name: planned value \"other\" does not match config value \"web\"", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_that_normalises_a_configured_value_is_invalid_unless_it_equals_the_prior_value()
    {
        var config = Config(racks: ["A", "b"]);
        var normalised = config.WithAttribute("racks", CtyValue.StringList("a", "b"));

        Violation(() => CheckPlan(CtyValue.Null(EnvironmentType()), config, normalised));
        var (action, _) = CheckPlan(Environment(), config, Environment());

        Assert.Equal(PlannedAction.NoOp, action);
    }

    [Fact]
    public void A_plan_with_unknown_for_a_configured_value_is_invalid()
    {
        var planned = Config().WithAttribute("racks", Unknown(CtyType.List(CtyType.String)));

        var error = Violation(() => CheckPlan(CtyValue.Null(EnvironmentType()), Config(), planned));

        Assert.Contains(".racks", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_that_fills_a_null_optional_non_computed_attribute_is_invalid()
    {
        var planned = Config().WithAttribute("note", CtyValue.String("default"));

        var error = Violation(() => CheckPlan(CtyValue.Null(EnvironmentType()), Config(), planned));

        Assert.Contains("for a non-computed attribute", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_for_absence_when_config_wants_existence_is_invalid()
    {
        var error = Violation(() => CheckPlan(CtyValue.Null(EnvironmentType()), Config(), CtyValue.Null(EnvironmentType())));

        Assert.Contains("planned for absence but config wants existence", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_with_the_legacy_type_system_flag_is_invalid()
    {
        var error = Violation(() => ResponseChecks.CheckPlan(Resource, EnvironmentSchema(), Environment(), Config(), Environment(), [], legacyTypeSystem: true, deferred: false, deferralAllowed: false));

        Assert.Contains("legacy_type_system", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deferred_plan_without_the_deferral_capability_is_invalid()
    {
        Violation(() => ResponseChecks.CheckPlan(Resource, EnvironmentSchema(), Environment(), Config(), Environment(), [], legacyTypeSystem: false, deferred: true, deferralAllowed: false));
    }

    [Fact]
    public void Requires_replace_on_a_path_that_exists_nowhere_is_an_invalid_plan()
    {
        var error = Violation(() => CheckPlan(Environment(), Config(), Environment(), [[new AttributePathStep(AttributeName: "nope")]]));

        Assert.Contains("non-existent attribute path", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Requires_replace_on_an_unchanged_attribute_is_dropped()
    {
        var planned = Environment(racks: ["b", "a"], primary: "a");

        var (action, replace) = CheckPlan(Environment(), Config(racks: ["b", "a"]), planned, [[new AttributePathStep(AttributeName: "name")]]);

        Assert.Equal(PlannedAction.Update, action);
        Assert.Empty(replace);
    }

    [Fact]
    public void Requires_replace_on_a_changed_attribute_makes_a_replace()
    {
        var planned = Config(name: "new").WithAttribute("id", Unknown()).WithAttribute("primary_rack", Unknown()).WithAttribute("region", CtyValue.String("eu"));

        var (action, _) = CheckPlan(Environment(), Config(name: "new"), planned, [[new AttributePathStep(AttributeName: "name")]]);

        Assert.Equal(PlannedAction.Replace, action);
    }

    [Fact]
    public void Re_marking_a_computed_attribute_unknown_when_nothing_changed_is_an_update_not_a_no_op()
    {
        var planned = Environment().WithAttribute("id", Unknown());

        var (action, _) = CheckPlan(Environment(), Config(), planned);

        Assert.Equal(PlannedAction.Update, action);
    }

    [Fact]
    public void A_final_plan_that_changes_a_value_known_in_the_saved_plan_is_inconsistent()
    {
        var saved = Plan(PlannedAction.Update, Environment(racks: ["b", "a"], primary: "a"));
        var final = Plan(PlannedAction.Update, Environment(racks: ["b", "a"], primary: "b"));

        var error = Violation(() => ResponseChecks.CheckFinalPlan(Resource, EnvironmentSchema(), saved, final));

        Assert.Equal(TerraformErrors.InconsistentFinalPlan, error.Title);
        Assert.Contains(".primary_rack: was \"a\", but now \"b\"", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_final_plan_that_changes_the_action_is_inconsistent_except_update_to_no_op()
    {
        var saved = Plan(PlannedAction.Update, Environment());

        Violation(() => ResponseChecks.CheckFinalPlan(Resource, EnvironmentSchema(), saved, Plan(PlannedAction.Replace, Environment())));
        ResponseChecks.CheckFinalPlan(Resource, EnvironmentSchema(), saved, Plan(PlannedAction.NoOp, Environment()));
    }

    [Fact]
    public void An_apply_result_with_unknowns_left_is_an_invalid_result_object()
    {
        var planned = Environment().WithAttribute("id", Unknown());

        var error = Violation(() => ResponseChecks.CheckApplyResult(Resource, EnvironmentSchema(), PlannedAction.Create, planned, planned, hasErrors: false));

        Assert.Equal(TerraformErrors.InvalidResultObject, error.Title);
        Assert.Contains("unknown value for .id", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_apply_result_for_a_create_is_an_invalid_result_object()
    {
        var error = Violation(() => ResponseChecks.CheckApplyResult(Resource, EnvironmentSchema(), PlannedAction.Create, Environment(), CtyValue.Null(EnvironmentType()), hasErrors: false));

        Assert.Equal(TerraformErrors.InvalidResultObject, error.Title);
    }

    [Fact]
    public void A_non_null_apply_result_for_a_delete_is_an_invalid_result_object()
    {
        var error = Violation(() => ResponseChecks.CheckApplyResult(Resource, EnvironmentSchema(), PlannedAction.Delete, CtyValue.Null(EnvironmentType()), Environment(), hasErrors: false));

        Assert.Contains("non-null object", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_apply_result_that_differs_from_a_known_planned_value_is_inconsistent()
    {
        var planned = Environment().WithAttribute("id", Unknown());
        var actual = Environment(racks: ["a", "b", "c"]);

        var error = Violation(() => ResponseChecks.CheckApplyResult(Resource, EnvironmentSchema(), PlannedAction.Create, planned, actual, hasErrors: false));

        Assert.Equal(TerraformErrors.InconsistentResult, error.Title);
        Assert.Contains(".racks: new element 2 has appeared", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_apply_result_may_fill_planned_unknowns_with_any_value()
    {
        var planned = Environment().WithAttribute("id", Unknown()).WithAttribute("primary_rack", Unknown());

        ResponseChecks.CheckApplyResult(Resource, EnvironmentSchema(), PlannedAction.Create, planned, Environment(id: "env_x"), hasErrors: false);
    }

    [Fact]
    public void An_apply_result_outside_a_planned_refinement_is_inconsistent()
    {
        var planned = Environment().WithAttribute("id", CtyValue.Unknown(CtyType.String, new CtyRefinement(StringPrefix: "env_")));

        var error = Violation(() => ResponseChecks.CheckApplyResult(Resource, EnvironmentSchema(), PlannedAction.Create, planned, Environment(id: "rck_1"), hasErrors: false));

        Assert.Contains("does not conform to planning placeholder", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_becoming_a_value_after_apply_is_inconsistent()
    {
        var error = Violation(() => ResponseChecks.CheckApplyResult(Resource, EnvironmentSchema(), PlannedAction.Update, Environment(region: null), Environment(region: "eu"), hasErrors: false));

        Assert.Contains(".region: was null, but now \"eu\"", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Inconsistent_sensitive_values_are_not_printed()
    {
        var planned = Environment().WithAttribute("token", CtyValue.String("secret-1"));
        var actual = Environment().WithAttribute("token", CtyValue.String("secret-2"));

        var error = Violation(() => ResponseChecks.CheckApplyResult(Resource, EnvironmentSchema(), PlannedAction.Update, planned, actual, hasErrors: false));

        Assert.Contains("inconsistent values for sensitive attribute", error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_that_grows_during_apply_is_inconsistent()
    {
        var type = CtyType.Set(CtyType.String);
        var schema = new Widemesh.Testing.Terraform.Schema.ResourceSchema(0, new([new("tags", type, Optional: true, Computed: true)], []));
        var objectType = schema.Block.ImpliedType();
        var planned = CtyValue.Object(objectType, new Dictionary<string, CtyValue> { ["tags"] = CtyValue.Set(CtyType.String, [CtyValue.String("a")]) });
        var actual = CtyValue.Object(objectType, new Dictionary<string, CtyValue> { ["tags"] = CtyValue.Set(CtyType.String, [CtyValue.String("a"), CtyValue.String("b")]) });

        var error = Violation(() => ResponseChecks.CheckApplyResult(Resource, schema, PlannedAction.Update, planned, actual, hasErrors: false));

        Assert.Equal(TerraformErrors.InconsistentResult, error.Title);
    }

    [Fact]
    public void A_refresh_with_unknown_values_is_an_invalid_object()
    {
        var error = Violation(() => ResponseChecks.CheckReadResult(Resource, EnvironmentSchema(), Environment().WithAttribute("id", Unknown())));

        Assert.Equal(TerraformErrors.InvalidObject, error.Title);
    }

    [Fact]
    public void An_upgrade_to_unknown_or_null_is_an_invalid_resource_state_upgrade()
    {
        var unknown = Violation(() => ResponseChecks.CheckUpgradeResult(Resource, EnvironmentSchema(), Environment().WithAttribute("id", Unknown())));
        var dropped = Violation(() => ResponseChecks.CheckUpgradeResult(Resource, EnvironmentSchema(), CtyValue.Null(EnvironmentType())));

        Assert.Equal(TerraformErrors.InvalidUpgrade, unknown.Title);
        Assert.Equal(TerraformErrors.InvalidUpgrade, dropped.Title);
    }

    [Fact]
    public void Import_results_follow_terraforms_rules()
    {
        Assert.Equal(TerraformErrors.ImportNoResources, Violation(() => ResponseChecks.CheckImportResult("widemesh_environment", [], deferred: false)).Title);
        Assert.Equal(TerraformErrors.ImportMultiple, Violation(() => ResponseChecks.CheckImportResult("widemesh_environment", [("widemesh_environment", Environment()), ("widemesh_environment", Environment())], deferred: false)).Title);
        Assert.Equal(TerraformErrors.ImportNullResource, Violation(() => ResponseChecks.CheckImportResult("widemesh_environment", [("widemesh_environment", CtyValue.Null(EnvironmentType()))], deferred: false)).Title);
        Assert.Equal(TerraformErrors.InvalidObject, Violation(() => ResponseChecks.CheckImportResult("widemesh_environment", [("", Environment())], deferred: false)).Title);
        Assert.Equal(TerraformErrors.InvalidObject, Violation(() => ResponseChecks.CheckImportResult("widemesh_environment", [("widemesh_rack", Environment())], deferred: false)).Title);
    }

    [Fact]
    public void A_null_data_source_result_is_a_null_object()
    {
        var error = Violation(() => ResponseChecks.CheckDataSourceResult("data.widemesh_environment.x", EnvironmentSchema(), CtyValue.Null(EnvironmentType())));

        Assert.Equal(TerraformErrors.NullObject, error.Title);
    }

    [Fact]
    public void A_diagnostic_path_outside_the_schema_is_refused()
    {
        var diagnostic = new HarnessDiagnostic(DiagnosticSeverity.Error, "Invalid Name", "fix it", [new AttributePathStep(AttributeName: "nmae")]);

        var error = Violation(() => ResponseChecks.CheckDiagnosticPaths("ValidateResourceConfig", EnvironmentType(), [diagnostic]));

        Assert.Equal(TerraformErrors.InvalidDiagnostic, error.Title);
    }

    [Fact]
    public void A_diagnostic_path_into_a_list_element_is_accepted()
    {
        var diagnostic = new HarnessDiagnostic(DiagnosticSeverity.Error, "Duplicate Rack", "remove it", [new AttributePathStep(AttributeName: "racks"), new AttributePathStep(ElementIndex: 1)]);

        ResponseChecks.CheckDiagnosticPaths("ValidateResourceConfig", EnvironmentType(), [diagnostic]);
    }

    [Fact]
    public void A_diagnostic_with_invalid_severity_is_refused()
    {
        var diagnostic = new Widemesh.Testing.Terraform.Protocol.Tfplugin6.Diagnostic { Summary = "Unknown type name." };

        var error = Violation(() => ProtoConversions.FromProto([diagnostic], "PlanResourceChange"));

        Assert.Equal(TerraformErrors.InvalidDiagnostic, error.Title);
    }

    [Fact]
    public void Answering_no_private_bytes_after_receiving_some_is_refused()
    {
        Violation(() => ResponseChecks.CheckPrivatePassthrough("ReadResource", [1, 2, 3], []));
        ResponseChecks.CheckPrivatePassthrough("ReadResource", [], []);
    }

    [Fact]
    public void A_planned_state_with_a_wrong_number_of_attributes_fails_to_decode_as_an_invalid_plan()
    {
        var wire = new Widemesh.Testing.Terraform.Protocol.Tfplugin6.DynamicValue { Msgpack = Google.Protobuf.ByteString.CopyFrom(0x81, 0xa2, 0x69, 0x64, 0xc0) };

        var error = Violation(() => ProtoConversions.FromDynamic(wire, EnvironmentType(), TerraformErrors.InvalidPlan, "the planned state"));

        Assert.Equal(TerraformErrors.InvalidPlan, error.Title);
        Assert.Contains("an object with 7 attributes is required (1 given)", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_planned_state_with_a_wrong_attribute_type_fails_to_decode_as_an_invalid_plan()
    {
        var wrong = EnvironmentType().Attributes.ToDictionary(a => a.Key, a => a.Value);
        wrong["racks"] = CtyType.String;
        var wrongType = CtyType.Object(wrong);
        var value = CtyValue.Object(wrongType, new Dictionary<string, CtyValue> { ["name"] = CtyValue.String("web"), ["racks"] = CtyValue.String("a,b") });
        var wire = ProtoConversions.ToDynamic(value, wrongType);

        var error = Violation(() => ProtoConversions.FromDynamic(wire, EnvironmentType(), TerraformErrors.InvalidPlan, "the planned state"));

        Assert.Contains(".racks", error.Detail, StringComparison.Ordinal);
    }

    private static (PlannedAction Action, IReadOnlyList<IReadOnlyList<AttributePathStep>> Replace) CheckPlan(
        CtyValue prior, CtyValue config, CtyValue planned, IReadOnlyList<IReadOnlyList<AttributePathStep>>? replace = null) =>
        ResponseChecks.CheckPlan(Resource, EnvironmentSchema(), prior, config, planned, replace ?? [], legacyTypeSystem: false, deferred: false, deferralAllowed: false);

    private static PlanResult Plan(PlannedAction action, CtyValue planned) =>
        new(action, Environment(), Config(), Config(), planned, [], [], []);
}

namespace Widemesh.Testing.Terraform.Conformance;

/// <summary>The error titles Terraform core prints when a provider breaks a protocol rule (protocol doc §4).</summary>
public static class TerraformErrors
{
    public const string InvalidPlan = "Provider produced invalid plan";
    public const string InconsistentFinalPlan = "Provider produced inconsistent final plan";
    public const string InconsistentResult = "Provider produced inconsistent result after apply";
    public const string InvalidResultObject = "Provider returned invalid result object after apply";
    public const string InvalidObject = "Provider produced invalid object";
    public const string NullObject = "Provider produced null object";
    public const string InvalidUpgrade = "Invalid resource state upgrade";
    public const string InvalidSchema = "Invalid provider schema";
    public const string MissingProviderSchema = "missing provider schema";
    public const string ImportNoResources = "Import returned no resources";
    public const string ImportMultiple = "Multiple import states not supported";
    public const string ImportNullResource = "Import returned null resource";
    public const string ImportNonExistent = "Cannot import non-existent remote object";
    public const string InvalidDiagnostic = "Invalid diagnostic";
    public const string PluginError = "Plugin error";
}

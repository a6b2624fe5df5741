using Widemesh.Provider.Cty;
using Widemesh.Sdk.Client;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Provider.Diagnostics;

/// <summary>
/// Every diagnostic the provider returns. Each has a severity, a Title-Case summary naming the
/// operation, a detail that says what happened and what to do, and an attribute path when it is
/// tied to one attribute.
/// </summary>
internal static class ProviderDiagnostics
{
    private const string ReportLink = "https://github.com/widemesh/widemesh/issues";

    public static Tf.Diagnostic Error(string summary, string detail, CtyPath? path = null) =>
        Create(Tf.Diagnostic.Types.Severity.Error, summary, detail, path);

    public static Tf.Diagnostic Warning(string summary, string detail, CtyPath? path = null) =>
        Create(Tf.Diagnostic.Types.Severity.Warning, summary, detail, path);

    /// <summary>An exception nobody expected reached the gRPC boundary.</summary>
    public static Tf.Diagnostic Unexpected(string rpc, Exception exception) => Error(
        $"Unexpected {Words(rpc)} Error",
        $"The Widemesh provider failed unexpectedly while handling {rpc}: {exception.GetType().Name}: {exception.Message}\n\n"
        + $"This is a bug in the provider; please report this at {ReportLink} with the command you ran and the provider log (TF_LOG_PROVIDER=DEBUG).");

    public static Tf.Diagnostic UnknownType(string operation, string kind, string typeName) => Error(
        $"Unknown {kind} Type",
        $"{operation} was asked for the {kind.ToLowerInvariant()} type \"{typeName}\", which this provider does not have. "
        + "Check the type name in your configuration; run `terraform providers schema -json` to list the types this provider serves.");

    public static Tf.Diagnostic MalformedValue(string operation, string what, CtyFormatException exception) => Error(
        $"Invalid {what} In {operation}",
        $"The {what.ToLowerInvariant()} sent to {operation} could not be decoded: {exception.Message}\n\n"
        + "Terraform sends this value, so this usually means a Terraform or provider version mismatch; upgrade both, and report it if it persists.",
        exception.Path.IsRoot ? null : exception.Path);

    public static Tf.Diagnostic NotConfigured(string operation) => Error(
        $"{operation} Error",
        $"{operation} needs the platform, but the provider is not configured yet (its `endpoint` or `token` is not known). "
        + "Give the provider block values that are known before apply, or apply the resources they depend on first (`terraform apply -target=...`).");

    public static Tf.Diagnostic Cancelled(string operation) => Error(
        $"{operation} Cancelled",
        $"{operation} stopped because Terraform asked the provider to stop (Ctrl-C). Nothing else was changed; run the command again to finish.");

    /// <summary>A failure of the platform client, with the field it names mapped to an attribute path.</summary>
    public static Tf.Diagnostic Platform(string operation, WidemeshException exception, Func<string, CtyPath?>? fieldToPath = null)
    {
        var path = exception is WidemeshApiException { Field: { } field } && fieldToPath is not null ? fieldToPath(field) : null;
        var advice = exception switch
        {
            WidemeshUnauthorizedException => "Set a valid API token in the provider's `token` argument or the WIDEMESH_TOKEN environment variable.",
            WidemeshForbiddenException => "The token's account may not do this; use a token of the account that owns the object.",
            WidemeshConflictException => "The platform's state changed or the name is taken; run `terraform refresh` and plan again, or pick another name.",
            WidemeshPreconditionFailedException => "Someone changed the object meanwhile; run `terraform plan` again.",
            WidemeshValidationException => "Fix the value named above and plan again.",
            WidemeshUnreachableException => "Check the provider's `endpoint` (or WIDEMESH_ENDPOINT).",
            _ => "Check that meshd is healthy, then try again.",
        };
        return Error($"{operation} Error", $"{exception.Message}\n\n{advice}", path);
    }

    public static Tf.AttributePath ToProto(CtyPath path)
    {
        var proto = new Tf.AttributePath();
        foreach (var step in path.Steps)
        {
            proto.Steps.Add(step switch
            {
                CtyPathStep.AttributeName a => new Tf.AttributePath.Types.Step { AttributeName = a.Name },
                CtyPathStep.ElementIndex i => new Tf.AttributePath.Types.Step { ElementKeyInt = i.Index },
                CtyPathStep.ElementKey k => new Tf.AttributePath.Types.Step { ElementKeyString = k.Key },
                _ => throw new InvalidOperationException("Unknown path step."),
            });
        }

        return proto;
    }

    private static Tf.Diagnostic Create(Tf.Diagnostic.Types.Severity severity, string summary, string detail, CtyPath? path)
    {
        var diagnostic = new Tf.Diagnostic { Severity = severity, Summary = summary, Detail = detail };
        if (path is { IsRoot: false })
        {
            diagnostic.Attribute = ToProto(path);
        }

        return diagnostic;
    }

    /// <summary>"PlanResourceChange" → "Plan Resource Change".</summary>
    private static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));
}

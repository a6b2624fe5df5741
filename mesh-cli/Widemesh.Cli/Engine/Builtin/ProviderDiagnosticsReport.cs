using System.Text;
using Tf = Widemesh.Provider.Protocol.Tfplugin6;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>Turns provider diagnostics into messages (warnings printed, errors thrown) the way Terraform shows them.</summary>
internal static class ProviderDiagnosticsReport
{
    public static void ThrowOnErrors(IEnumerable<Tf.Diagnostic> diagnostics, string what, Func<Tf.AttributePath?, string?>? locate = null)
    {
        var errors = diagnostics.Where(d => d.Severity == Tf.Diagnostic.Types.Severity.Error).ToList();
        if (errors.Count == 0)
        {
            return;
        }

        var builder = new StringBuilder();
        foreach (var error in errors)
        {
            if (builder.Length > 0)
            {
                builder.Append("\n\n");
            }

            builder.Append(error.Summary);
            var where = locate?.Invoke(error.Attribute);
            builder.Append(where is null ? $"\n  with {what}" : $"\n  on {where}, with {what}{PathText(error.Attribute)}");
            if (!string.IsNullOrWhiteSpace(error.Detail))
            {
                builder.Append("\n\n").Append(error.Detail.Trim());
            }
        }

        throw new CliException(ExitCodes.Failure, builder.ToString(), "provider");
    }

    public static string PathText(Tf.AttributePath? path)
    {
        if (path is null || path.Steps.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var step in path.Steps)
        {
            switch (step.SelectorCase)
            {
                case Tf.AttributePath.Types.Step.SelectorOneofCase.AttributeName:
                    builder.Append('.').Append(step.AttributeName);
                    break;
                case Tf.AttributePath.Types.Step.SelectorOneofCase.ElementKeyString:
                    builder.Append("[\"").Append(step.ElementKeyString).Append("\"]");
                    break;
                case Tf.AttributePath.Types.Step.SelectorOneofCase.ElementKeyInt:
                    builder.Append('[').Append(step.ElementKeyInt).Append(']');
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The top-level attribute a diagnostic path points at, if any.</summary>
    public static string? FirstAttribute(Tf.AttributePath? path) =>
        path?.Steps.FirstOrDefault() is { SelectorCase: Tf.AttributePath.Types.Step.SelectorOneofCase.AttributeName } step ? step.AttributeName : null;
}

using Widemesh.Cli.Output;
using Widemesh.Sdk.Client;

namespace Widemesh.Cli.Commands;

/// <summary>
/// Runs a command body and turns every expected failure into a message (or a <c>--json</c> error
/// document) and a documented exit code. Unexpected exceptions still surface, as bugs should.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(CliContext context, bool json, Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken);
        }
        catch (CliException exception)
        {
            return Fail(context, json, exception.Code, exception.Message, exception.ExitCode);
        }
        catch (WidemeshUnreachableException exception)
        {
            return Fail(context, json, "unreachable", exception.Message, ExitCodes.Unreachable);
        }
        catch (WidemeshUnauthorizedException exception)
        {
            return Fail(context, json, "unauthorized", Describe(exception) + " Run 'mesh login' or set WIDEMESH_TOKEN.", ExitCodes.Unauthorized);
        }
        catch (WidemeshForbiddenException exception)
        {
            return Fail(context, json, "forbidden", Describe(exception), ExitCodes.Unauthorized);
        }
        catch (WidemeshNotFoundException exception)
        {
            return Fail(context, json, "not-found", Describe(exception), ExitCodes.NotFound, exception.Field);
        }
        catch (WidemeshConflictException exception)
        {
            return Fail(context, json, Slug(exception.Type, "conflict"), Describe(exception), ExitCodes.Conflict, exception.Field);
        }
        catch (WidemeshPreconditionFailedException exception)
        {
            return Fail(context, json, "precondition-failed", Describe(exception) + " Someone changed it meanwhile; run the command again.", ExitCodes.Conflict);
        }
        catch (WidemeshValidationException exception)
        {
            return Fail(context, json, Slug(exception.Type, "validation"), Describe(exception), ExitCodes.Usage, exception.Field);
        }
        catch (WidemeshApiException exception)
        {
            var code = exception.Status >= 500 ? ExitCodes.ServerError : ExitCodes.Failure;
            return Fail(context, json, Slug(exception.Type, "error"), Describe(exception), code, exception.Field);
        }
        catch (UnauthorizedAccessException exception)
        {
            return Fail(context, json, "io", $"{exception.Message} Check the permissions of the workspace (--workspace) and of ~/.config/widemesh.", ExitCodes.Workspace);
        }
        catch (IOException exception)
        {
            return Fail(context, json, "io", $"{exception.Message} Check the workspace folder (--workspace) and the disk.", ExitCodes.Workspace);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(context, json, "cancelled", "Interrupted.", ExitCodes.Cancelled);
        }
    }

    public static int Fail(CliContext context, bool json, string code, string message, int exitCode, string? field = null)
    {
        if (json)
        {
            JsonOutput.Write(context.Out, new ErrorOutput(new ErrorDetail(code, message, exitCode, field)), JsonOutput.Context.ErrorOutput);
        }
        else
        {
            var style = TerminalStyle.ForError(context);
            context.Error.WriteLine($"{style.Red("Error:")} {message}");
            context.Error.Flush();
        }

        return exitCode;
    }

    private static string Describe(WidemeshApiException exception) => exception.Message;

    private static string Slug(string type, string fallback)
    {
        var slash = type.LastIndexOf('/');
        return slash >= 0 && slash < type.Length - 1 ? type[(slash + 1)..] : fallback;
    }
}

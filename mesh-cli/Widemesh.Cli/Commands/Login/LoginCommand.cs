using System.CommandLine;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Output;

namespace Widemesh.Cli.Commands.Login;

/// <summary>
/// <c>mesh login [ENDPOINT]</c>: checks a token against the platform and stores endpoint and token in
/// the XDG config file (mode 0600). The token is read from stdin or a hidden prompt, never from argv.
/// </summary>
internal static class LoginCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var endpointArgument = new Argument<string?>("endpoint")
        {
            Description = $"The platform URL [default: the current endpoint, else {ConnectionResolver.DefaultEndpoint}]",
            Arity = ArgumentArity.ZeroOrOne,
        };
        endpointArgument.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !IsHttpUrl(value))
            {
                result.AddError($"endpoint '{value}' is not an http:// or https:// URL; give one like http://127.0.0.1:4740.");
            }
        });
        var tokenStdin = new Option<bool>("--token-stdin") { Description = "Read the token from standard input (for scripts)" };

        var command = new Command("login", "Store the platform endpoint and an API token for later commands");
        command.Arguments.Add(endpointArgument);
        command.Options.Add(tokenStdin);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var json = parseResult.GetValue(options.Json);
            return CommandRunner.RunAsync(context, json, async token =>
            {
                var current = new ConnectionResolver(context).Resolve();
                var endpoint = parseResult.GetValue(endpointArgument) is { } given ? new Uri(given) : current.Endpoint;
                var secret = ReadToken(context, parseResult.GetValue(tokenStdin));

                var settings = new ConnectionSettings(endpoint, secret, "login", "login");
                using var client = PlatformClientFactory.Create(settings);
                Sdk.Contracts.WhoAmI whoAmI;
                using (ProgressIndicator.Start(context, $"checking the token at {endpoint}"))
                {
                    whoAmI = await client.WhoAmIAsync(token);
                }

                var store = new CliConfigStore(context);
                store.Save(new CliConfig { Endpoint = endpoint.ToString(), Token = secret });

                var output = new LoginOutput(endpoint.ToString(), whoAmI.Account, whoAmI.TokenName, whoAmI.Admin, store.FilePath);
                if (json)
                {
                    JsonOutput.Write(context.Out, output, JsonOutput.Context.LoginOutput);
                }
                else
                {
                    context.Out.WriteLine($"Logged in to {output.Endpoint} as account '{output.Account}' (token '{output.TokenName}'{(output.Admin ? ", admin" : string.Empty)}).");
                    context.Out.WriteLine($"Saved to {output.ConfigFile} (readable only by you). WIDEMESH_ENDPOINT and WIDEMESH_TOKEN override it.");
                }

                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }

    private static string ReadToken(CliContext context, bool fromStdin)
    {
        string? secret;
        if (fromStdin)
        {
            secret = context.Input.ReadLine();
        }
        else if (context.InputIsTerminal && context.ErrorIsTerminal)
        {
            context.Error.Write("API token (input hidden): ");
            context.Error.Flush();
            secret = SecretPrompt.ReadLine();
            context.Error.WriteLine();
        }
        else
        {
            throw new CliException(ExitCodes.Usage, "No token given: pipe it in with 'mesh login --token-stdin < token-file', or run mesh login in a terminal to be prompted.", "validation");
        }

        secret = secret?.Trim();
        if (string.IsNullOrEmpty(secret))
        {
            throw new CliException(ExitCodes.Usage, "The token is empty: give the secret that 'POST /v1/tokens' answered (or the admin.token file of meshd's data directory).", "validation");
        }

        return secret;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

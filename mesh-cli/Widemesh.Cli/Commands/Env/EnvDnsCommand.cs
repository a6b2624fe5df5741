using System.CommandLine;
using System.Globalization;
using System.Net;
using Widemesh.Cli.Configuration;
using Widemesh.Cli.Output;
using Widemesh.Sdk.Client;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Cli.Commands.Env;

/// <summary>
/// <c>mesh env dns NAME [--resolver IP[:port]]...</c>: the environment's DNS records and, per resolver, whether it
/// already answers the address of the last rack. Ends with <see cref="ExitCodes.NotPropagated"/> until every resolver
/// does, so a script can wait before step 2 of a migration.
/// </summary>
internal static class EnvDnsCommand
{
    public static Command Create(CliContext context, CommonOptions options)
    {
        var name = Arguments.Name("environment");
        var resolver = CreateResolverOption();
        var command = new Command("dns", "Show the DNS records of an environment and whether resolvers answer its last rack (exit code 11 until they all do)");
        command.Arguments.Add(name);
        command.Options.Add(resolver);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var json = parseResult.GetValue(options.Json);
            return CommandRunner.RunAsync(context, json, async token =>
            {
                var environmentName = parseResult.GetRequiredValue(name);
                var resolvers = parseResult.GetValue(resolver) ?? [];
                using var client = PlatformClientFactory.Create(context);
                EnvironmentDns? dns;
                DnsPropagation propagation;
                DnsStatusExternal? external;
                using (ProgressIndicator.Start(context, $"asking resolvers for environment '{environmentName}'"))
                {
                    dns = await client.GetEnvironmentDnsAsync(environmentName, token);
                    if (dns is null)
                    {
                        var names = (await client.ListEnvironmentsAsync(token)).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
                        var choices = names.Count == 0 ? "Your account has no environments yet: create one with 'mesh env create NAME'." : $"Your environments: {string.Join(", ", names)}.";
                        throw new CliException(ExitCodes.NotFound, $"Environment '{environmentName}' does not exist in your account. {choices}", "not-found");
                    }

                    propagation = await client.GetDnsPropagationAsync(environmentName, resolvers, token);
                    external = await ExternalUpdatesAsync(client, token);
                }

                var matching = propagation.Resolvers.Count(r => r.Matches);
                var exitCode = propagation.Propagated ? ExitCodes.Success : ExitCodes.NotPropagated;
                if (json)
                {
                    var output = new EnvDnsOutput(
                        environmentName,
                        dns.Hostname,
                        dns.Ttl,
                        [.. dns.Records.Select(r => new EnvDnsRecordOutput(r.Type, r.Value))],
                        propagation.ExpectedAddress,
                        propagation.Propagated,
                        matching,
                        [.. propagation.Resolvers.Select(r => new EnvDnsResolverOutput(r.Resolver, r.Answers, r.Ttl, r.Matches, r.Error))],
                        external);
                    JsonOutput.Write(context.Out, output, EnvDnsJsonContext.Default.EnvDnsOutput);
                    return exitCode;
                }

                WriteText(context, dns, propagation, matching, external);
                return exitCode;
            }, cancellationToken);
        });
        return command;
    }

    /// <summary>meshd's RFC 2136 updates to an external server; null when it sends none or is too old to say.</summary>
    private static async Task<DnsStatusExternal?> ExternalUpdatesAsync(WidemeshClient client, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.GetDnsStatusAsync(cancellationToken)).External;
        }
        catch (WidemeshApiException)
        {
            return null;
        }
    }

    private static void WriteText(CliContext context, EnvironmentDns dns, DnsPropagation propagation, int matching, DnsStatusExternal? external)
    {
        var style = TerminalStyle.ForOut(context);
        var writer = context.Out;
        writer.WriteLine($"hostname  {dns.Hostname}");
        writer.WriteLine($"ttl       {dns.Ttl.ToString(CultureInfo.InvariantCulture)}s");
        for (var index = 0; index < dns.Records.Count; index++)
        {
            var record = dns.Records[index];
            writer.WriteLine($"{(index == 0 ? "records" : string.Empty),-8}  {record.Type,-4}  {record.Value}");
        }

        writer.WriteLine($"expected  {propagation.ExpectedAddress}");
        if (external?.LastError is { } failure)
        {
            var since = external.LastSuccessAt is { } at ? $"last accepted {at.ToString("u", CultureInfo.InvariantCulture)}" : "none accepted yet";
            writer.WriteLine(style.Yellow($"external  updates to {external.Server} (zone {external.Zone}) are failing, {external.Pending.ToString(CultureInfo.InvariantCulture)} pending, {since}: {failure.Rcode}: {failure.Message}"));
        }
        writer.WriteLine();

        var table = new TableWriter(["resolver", "answers", "ttl", "matches", "error"]);
        foreach (var answer in propagation.Resolvers)
        {
            table.AddRow(
                answer.Resolver,
                answer.Answers.Count == 0 ? "-" : string.Join(',', answer.Answers),
                answer.Ttl is { } ttl ? ttl.ToString(CultureInfo.InvariantCulture) + "s" : "-",
                answer.Matches ? "yes" : "no",
                answer.Error ?? string.Empty);
        }

        table.WriteTo(writer, style);
        writer.WriteLine();
        writer.WriteLine(propagation.Propagated
            ? style.Green("propagated")
            : style.Yellow($"not propagated yet: {matching.ToString(CultureInfo.InvariantCulture)} of {propagation.Resolvers.Count.ToString(CultureInfo.InvariantCulture)} resolvers answer the new rack"));
    }

    private static Option<string[]> CreateResolverOption()
    {
        var option = new Option<string[]>("--resolver")
        {
            Description = "A resolver to ask, as IP or IP:port (repeatable) [default: meshd's authoritative server and the system's resolvers]",
            HelpName = "ip[:port]",
            AllowMultipleArgumentsPerToken = false,
        };
        option.Validators.Add(result =>
        {
            foreach (var text in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!IsResolver(text))
                {
                    result.AddError($"--resolver: '{text}' is not an IP address with an optional port. Give one such as 127.0.0.1, 10.0.0.2:53 or [::1]:5353.");
                }
            }
        });
        return option;
    }

    private static bool IsResolver(string text) =>
        IPAddress.TryParse(text, out _) || IPEndPoint.TryParse(text, out _);
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widemesh.Sdk.Contracts;

/// <summary>Source-generated JSON metadata for every contract, so clients work under NativeAOT.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Rack))]
[JsonSerializable(typeof(RackList))]
[JsonSerializable(typeof(CreateRackRequest))]
[JsonSerializable(typeof(UpdateRackRequest))]
[JsonSerializable(typeof(EnvironmentInfo))]
[JsonSerializable(typeof(EnvironmentList))]
[JsonSerializable(typeof(CreateEnvironmentRequest))]
[JsonSerializable(typeof(UpdateEnvironmentRequest))]
[JsonSerializable(typeof(NameAvailability))]
[JsonSerializable(typeof(Account))]
[JsonSerializable(typeof(AccountList))]
[JsonSerializable(typeof(CreateAccountRequest))]
[JsonSerializable(typeof(ApiToken))]
[JsonSerializable(typeof(ApiTokenList))]
[JsonSerializable(typeof(CreateTokenRequest))]
[JsonSerializable(typeof(WhoAmI))]
[JsonSerializable(typeof(ApiProblem))]
[JsonSerializable(typeof(EnvironmentDns))]
[JsonSerializable(typeof(EnvironmentDnsList))]
[JsonSerializable(typeof(DnsStatus))]
[JsonSerializable(typeof(DnsPropagation))]
[JsonSerializable(typeof(MigrationInfo))]
[JsonSerializable(typeof(MigrationRequest))]
[JsonSerializable(typeof(Drain))]
[JsonSerializable(typeof(DrainList))]
[JsonSerializable(typeof(CreateDrainRequest))]
[JsonSerializable(typeof(Release))]
[JsonSerializable(typeof(ReleaseList))]
[JsonSerializable(typeof(InstanceInfo))]
[JsonSerializable(typeof(InstanceList))]
public sealed partial class WidemeshJsonContext : JsonSerializerContext;

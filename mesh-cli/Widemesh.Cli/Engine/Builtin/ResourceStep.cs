using Google.Protobuf;
using Widemesh.Provider.Cty;

namespace Widemesh.Cli.Engine.Builtin;

/// <summary>
/// One resource through the built-in engine's plan: its prior (refreshed or imported) state, config,
/// planned state and private data, and what applying it does.
/// </summary>
internal sealed record ResourceStep(string Type, string Name, ResourceTypeSchema Schema)
{
    public string Address => $"{Type}.{Name}";

    public CtyValue Prior { get; set; } = CtyValue.Null(Schema.Type);

    public ByteString PriorPrivate { get; set; } = ByteString.Empty;

    public CtyValue Config { get; set; } = CtyValue.Null(Schema.Type);

    public CtyValue Planned { get; set; } = CtyValue.Null(Schema.Type);

    public ByteString PlannedPrivate { get; set; } = ByteString.Empty;

    public ChangeAction Action { get; set; } = ChangeAction.NoOp;

    /// <summary>What the state records now: the prior value until applying changes it.</summary>
    public CtyValue? Current { get; set; }

    public ByteString? CurrentPrivate { get; set; }

    public CtyValue CurrentOrPrior => Current ?? Prior;

    public ByteString CurrentPrivateOrPrior => CurrentPrivate ?? PriorPrivate;

    public bool Importing { get; set; }

    /// <summary>Attributes whose change forces the replacement (for the plan text).</summary>
    public IReadOnlyList<string> ReplaceBecause { get; set; } = [];

    /// <summary>For a replacement: the create plan that follows the destroy.</summary>
    public CtyValue? ReplacementPlan { get; set; }

    public ByteString ReplacementPrivate { get; set; } = ByteString.Empty;

    /// <summary>The platform name (prior first, then config), for the ownership guard; null for types without <c>name</c> (widemesh_log_drain).</summary>
    public string? PlatformName =>
        !Schema.Type.AttributeTypes.ContainsKey("name") ? null
        : Prior is { IsNull: false } && Prior["name"] is { IsKnown: true } priorName ? priorName.AsString()
        : Config is { IsNull: false } && Config["name"] is { IsKnown: true } configName ? configName.AsString()
        : null;

    public PlannedChange ToPlannedChange() => new(Address, Type, Name, PlatformName, Action, Importing);
}

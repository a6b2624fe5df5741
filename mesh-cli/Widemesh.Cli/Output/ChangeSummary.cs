namespace Widemesh.Cli.Output;

/// <summary>How many resources a plan adds, changes, destroys and imports (a replacement counts as one add and one destroy).</summary>
internal sealed record ChangeSummary(int Add, int Change, int Destroy, int Import)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Add == 0 && Change == 0 && Destroy == 0 && Import == 0;
}

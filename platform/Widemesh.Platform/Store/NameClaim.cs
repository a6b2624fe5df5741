namespace Widemesh.Platform.Store;

/// <summary>Who holds an environment name, seen from one account.</summary>
internal enum NameClaim
{
    Free,
    Yours,
    Taken,
}

namespace Widemesh.Platform.Store;

/// <summary>
/// The platform's state. Every write is one transaction; name claims rely on unique constraints,
/// never on check-then-insert. Implementations: SQLite now, PostgreSQL later; both must pass
/// the contract suite in the platform tests.
/// </summary>
internal interface IPlatformStore : IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken);

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken);

    public Task<Caller?> FindCallerAsync(string tokenHash, CancellationToken cancellationToken);

    public Task<StoredAccount?> GetAccountAsync(string name, CancellationToken cancellationToken);

    public Task<IReadOnlyList<StoredAccount>> ListAccountsAsync(CancellationToken cancellationToken);

    /// <summary>Creates an account (<see cref="StoreOutcome.NameTaken"/> when the name is used).</summary>
    public Task<StoreResult<StoredAccount>> CreateAccountAsync(string name, bool admin, CancellationToken cancellationToken);

    /// <summary>Creates a token of the account (<see cref="StoreOutcome.NotFound"/> for no such account, <see cref="StoreOutcome.NameTaken"/> when the account has a token of that name).</summary>
    public Task<StoreResult<StoredToken>> CreateTokenAsync(string accountId, string name, string tokenHash, CancellationToken cancellationToken);

    /// <summary>Lists the tokens of one account, or of all accounts when <paramref name="accountId"/> is null.</summary>
    public Task<IReadOnlyList<StoredToken>> ListTokensAsync(string? accountId, CancellationToken cancellationToken);

    /// <summary>Deletes a token; with an <paramref name="accountId"/>, only one of that account.</summary>
    public Task<StoreOutcome> DeleteTokenAsync(string id, string? accountId, CancellationToken cancellationToken);

    public Task<IReadOnlyList<StoredRack>> ListRacksAsync(string accountId, CancellationToken cancellationToken);

    public Task<StoredRack?> GetRackAsync(string accountId, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a rack with its ingress address: <see cref="NewRack.IngressAddress"/>, or the lowest free one from
    /// 127.0.1.1 up (<see cref="StoreOutcome.AddressTaken"/> when another rack has the address).
    /// </summary>
    public Task<StoreResult<StoredRack>> CreateRackAsync(NewRack rack, CancellationToken cancellationToken);

    /// <summary>Deletes a rack unless an environment uses it (<see cref="StoreOutcome.InUse"/> with their names).</summary>
    /// <summary>Sets the rack's <c>managedBy</c> (null clears it); the version goes up only when it changes.</summary>
    public Task<StoreResult<StoredRack>> UpdateRackManagedByAsync(string accountId, string name, string? managedBy, long? expectedVersion, CancellationToken cancellationToken);

    public Task<StoreResult<StoredRack>> DeleteRackAsync(string accountId, string name, long? expectedVersion, CancellationToken cancellationToken);

    public Task<IReadOnlyList<StoredEnvironment>> ListEnvironmentsAsync(string accountId, CancellationToken cancellationToken);

    public Task<StoredEnvironment?> GetEnvironmentAsync(string accountId, string name, CancellationToken cancellationToken);

    /// <summary>Claims the (platform-wide) name and creates the environment.</summary>
    public Task<StoreResult<StoredEnvironment>> CreateEnvironmentAsync(NewEnvironment environment, CancellationToken cancellationToken);

    public Task<StoreResult<StoredEnvironment>> UpdateEnvironmentAsync(EnvironmentChange change, CancellationToken cancellationToken);

    public Task<StoreResult<StoredEnvironment>> DeleteEnvironmentAsync(string accountId, string name, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Every environment of the platform (all accounts) with its racks and the ingress address of its last rack: the DNS zone's content.</summary>
    public Task<IReadOnlyList<StoredDnsHost>> ListDnsHostsAsync(CancellationToken cancellationToken);

    /// <summary>One environment as DNS sees it (by its platform-wide unique name), or null when there is none.</summary>
    public Task<StoredDnsHost?> GetDnsHostAsync(string name, CancellationToken cancellationToken);

    /// <summary>Records an uploaded release of the environment, numbered one after its newest.</summary>
    public Task<StoredRelease> AddReleaseAsync(string environmentId, string releaseId, string digest, long sizeBytes, CancellationToken cancellationToken);

    /// <summary>The environment's releases, newest first.</summary>
    public Task<IReadOnlyList<StoredRelease>> ListReleasesAsync(string environmentId, CancellationToken cancellationToken);

    public Task<NameClaim> GetEnvironmentNameClaimAsync(string accountId, string name, CancellationToken cancellationToken);

    /// <summary>The environment's recorded rack migration, or null when there is none (or no such environment).</summary>
    public Task<StoredEnvironmentMigration?> GetEnvironmentMigrationAsync(string accountId, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Records (or replaces) the environment's migration: <see cref="StoreOutcome.Stale"/> when <paramref name="mustBeNew"/> and one
    /// exists, or when <paramref name="expectedVersion"/> differs; <see cref="StoreOutcome.NotFound"/> names <c>environment</c> or
    /// <c>migration</c> (an expected version but nothing recorded).
    /// </summary>
    public Task<StoreResult<StoredEnvironmentMigration>> PutEnvironmentMigrationAsync(
        string accountId, string name, string json, long? expectedVersion, bool mustBeNew, CancellationToken cancellationToken);

    public Task<StoreResult<StoredEnvironmentMigration>> DeleteEnvironmentMigrationAsync(string accountId, string name, long? expectedVersion, CancellationToken cancellationToken);
}

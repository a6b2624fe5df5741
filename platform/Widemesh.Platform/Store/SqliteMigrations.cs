namespace Widemesh.Platform.Store;

/// <summary>
/// The SQLite schema, as numbered migrations; applied in order at start, each once.
/// <c>environment_racks</c> is the truth for which racks an environment uses (foreign keys keep a
/// used rack from going away); <c>environments.racks</c> repeats the names in order, written in the
/// same transaction, so listing 10,000 environments reads one table. Rack names never change.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } =
    [
        (1, "accounts, tokens, racks, environments", """
            CREATE TABLE accounts (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                admin INTEGER NOT NULL DEFAULT 0,
                version INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            ) STRICT;

            CREATE TABLE tokens (
                id TEXT PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES accounts(id),
                name TEXT NOT NULL,
                hash TEXT NOT NULL UNIQUE,
                version INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                UNIQUE (account_id, name)
            ) STRICT;

            CREATE TABLE racks (
                id TEXT PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES accounts(id),
                name TEXT NOT NULL,
                provider TEXT NOT NULL,
                region TEXT,
                status TEXT NOT NULL,
                version INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                UNIQUE (account_id, name)
            ) STRICT;

            CREATE TABLE environments (
                id TEXT PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES accounts(id),
                name TEXT NOT NULL UNIQUE,
                managed_by TEXT,
                status TEXT NOT NULL,
                version INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            ) STRICT;

            CREATE INDEX environments_by_account ON environments (account_id, name);

            CREATE TABLE environment_racks (
                environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                rack_id TEXT NOT NULL REFERENCES racks(id),
                PRIMARY KEY (environment_id, position),
                UNIQUE (environment_id, rack_id)
            ) STRICT;

            CREATE INDEX environment_racks_by_rack ON environment_racks (rack_id);
            """),
        (2, "environments.racks: the ordered rack names beside the rows, so reads need no join", """
            ALTER TABLE environments ADD COLUMN racks TEXT NOT NULL DEFAULT '';

            UPDATE environments SET racks = coalesce((
                SELECT group_concat(name, ',') FROM (
                    SELECT r.name AS name FROM environment_racks er JOIN racks r ON r.id = er.rack_id
                    WHERE er.environment_id = environments.id ORDER BY er.position)), '');
            """),
        (3, "racks.ingress_address: each rack's own ingress address, unique on the platform, from 127.0.1.1 up", """
            ALTER TABLE racks ADD COLUMN ingress_address TEXT;

            UPDATE racks SET ingress_address = (
                SELECT '127.0.' || (1 + (n - 1) / 254) || '.' || (1 + (n - 1) % 254)
                FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM racks) numbered
                WHERE numbered.id = racks.id);

            CREATE UNIQUE INDEX racks_by_ingress_address ON racks (ingress_address);
            """),
        (4, "racks.managed_by: who manages the rack (a mesh workspace, 'terraform'), like environments.managed_by", """
            ALTER TABLE racks ADD COLUMN managed_by TEXT;
            """),
        (5, "environment_migrations: one in-progress rack migration per environment, as JSON, for resumable mesh env migrate", """
            CREATE TABLE environment_migrations (
                environment_id TEXT PRIMARY KEY REFERENCES environments(id) ON DELETE CASCADE,
                json TEXT NOT NULL,
                version INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            ) STRICT;
            """),
        (6, "environments.workloads and release, and releases: what an environment runs, as JSON beside the row, and its uploaded releases", """
            ALTER TABLE environments ADD COLUMN workloads TEXT NOT NULL DEFAULT '{}';
            ALTER TABLE environments ADD COLUMN release_id TEXT;

            CREATE TABLE releases (
                id TEXT PRIMARY KEY,
                environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
                number INTEGER NOT NULL,
                digest TEXT NOT NULL,
                size_bytes INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                UNIQUE (environment_id, number)
            ) STRICT;
            """),
    ];
}

using Widemesh.Platform.Configuration;
using Widemesh.Platform.Store;

namespace Widemesh.Platform.Auth;

/// <summary>
/// On first start, creates the <c>admin</c> account and its token, and writes the secret to
/// <c>admin.token</c> in the data directory with mode 0600. The secret is written to a temporary
/// file first, so a crash between the database commit and the rename never loses it.
/// </summary>
internal sealed class AdminBootstrap(IPlatformStore store, PlatformOptions options, ILogger<AdminBootstrap> logger)
{
    public const string AdminAccount = "admin";

    private const string TokenName = "admin";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var pending = options.AdminTokenPath + ".new";
        var account = await store.GetAccountAsync(AdminAccount, cancellationToken);
        if (account is not null)
        {
            if (File.Exists(options.AdminTokenPath))
            {
                Log.AdminTokenAt(logger, options.AdminTokenPath);
            }
            else if (File.Exists(pending) && await RecoverPendingAsync(account, pending, cancellationToken))
            {
                File.Move(pending, options.AdminTokenPath);
                Log.AdminTokenWritten(logger, options.AdminTokenPath);
            }
            else
            {
                Log.AdminTokenMissing(logger, options.AdminTokenPath);
            }

            return;
        }

        var secret = TokenSecrets.New();
        File.Delete(pending);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new FileStream(pending, fileOptions))
        {
            await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(secret + "\n"), cancellationToken);
            file.Flush(flushToDisk: true);
        }

        var created = await store.CreateAccountAsync(AdminAccount, admin: true, cancellationToken);
        var adminAccount = created.Value ?? await store.GetAccountAsync(AdminAccount, cancellationToken)
            ?? throw new InvalidOperationException("The admin account could not be created.");
        await store.CreateTokenAsync(adminAccount.Id, TokenName, TokenSecrets.Hash(secret), cancellationToken);
        File.Move(pending, options.AdminTokenPath, overwrite: true);
        Log.AdminTokenWritten(logger, options.AdminTokenPath);
    }

    /// <summary>A crash after the account was created: keep the pending secret if it is, or can still become, the admin's token.</summary>
    private async Task<bool> RecoverPendingAsync(StoredAccount account, string pending, CancellationToken cancellationToken)
    {
        var hash = TokenSecrets.Hash((await File.ReadAllTextAsync(pending, cancellationToken)).Trim());
        if (await store.FindCallerAsync(hash, cancellationToken) is not null)
        {
            return true;
        }

        return (await store.ListTokensAsync(account.Id, cancellationToken)).Count == 0
            && (await store.CreateTokenAsync(account.Id, TokenName, hash, cancellationToken)).Outcome == StoreOutcome.Done;
    }
}

namespace Widemesh.Platform.Releases;

/// <summary>An upload passed <see cref="ReleaseStore.MaxArchiveBytes"/>.</summary>
internal sealed class ReleaseTooLargeException : Exception
{
    public ReleaseTooLargeException()
        : base($"A release archive may be at most {ReleaseStore.MaxArchiveBytes / (1024 * 1024)} MiB.")
    {
    }

    public ReleaseTooLargeException(string message)
        : base(message)
    {
    }

    public ReleaseTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

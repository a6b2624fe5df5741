namespace Widemesh.Platform.Racks.Local;

/// <summary>The release directory: unpacked once per release, old ones deleted after their instances stopped.</summary>
internal sealed partial class LocalEnvironmentRun
{
    /// <summary>Unpacks a new release; answers the directory instances run in.</summary>
    private async Task<string> PrepareReleaseAsync(LocalEnvironmentSpec spec, CancellationToken cancellationToken)
    {
        if (spec.ReleaseId is not { } releaseId)
        {
            _releaseId = null;
            _problem = null;
            var work = Path.Combine(_directory, "work");
            System.IO.Directory.CreateDirectory(work);
            return work;
        }

        var target = Path.Combine(_directory, "release", releaseId);
        if (_releaseId != releaseId || !System.IO.Directory.Exists(target))
        {
            if (System.IO.Directory.Exists(target))
            {
                System.IO.Directory.Delete(target, recursive: true);
            }

            _problem = null;
            try
            {
                if (spec.ReleaseArchivePath is not { } archive || !File.Exists(archive))
                {
                    throw new InvalidDataException($"the archive of release {releaseId} is missing on this machine; upload the release again");
                }

                await ReleaseUnpacker.UnpackAsync(archive, target, cancellationToken);
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException)
            {
                _problem = $"release {releaseId} could not be unpacked: {exception.Message}";
                LocalRuntimeLog.EnvironmentProblem(_context.Logger, _context.EnvironmentName, Rack.Name, _problem);
                System.IO.Directory.CreateDirectory(target);
            }

            _releaseId = releaseId;
        }

        return target;
    }

    private void DeleteOldReleases()
    {
        var releases = Path.Combine(_directory, "release");
        if (System.IO.Directory.Exists(releases))
        {
            foreach (var old in System.IO.Directory.EnumerateDirectories(releases).Where(d => Path.GetFileName(d) != _releaseId))
            {
                System.IO.Directory.Delete(old, recursive: true);
            }
        }
    }
}

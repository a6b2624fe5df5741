namespace Widemesh.Platform.Releases;

/// <summary>An uploaded archive in its temporary file, with its digest and size.</summary>
internal sealed record ReleaseUpload(string TemporaryPath, string Digest, long SizeBytes);

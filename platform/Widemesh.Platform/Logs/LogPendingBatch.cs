namespace Widemesh.Platform.Logs;

/// <summary>A batch in the write queue; <see cref="Done"/> completes once its frames are flushed.</summary>
internal sealed record LogPendingBatch(IReadOnlyList<LogDraft> Drafts, TaskCompletionSource<LogAppendResult> Done);

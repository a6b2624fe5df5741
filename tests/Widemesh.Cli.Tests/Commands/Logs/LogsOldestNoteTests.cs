using Widemesh.Cli.Commands.Logs;

namespace Widemesh.Cli.Tests.Commands.Logs;

/// <summary>When <c>mesh logs --since</c> says "oldest line is N old": only when retention really cut older lines (issue 5).</summary>
public sealed class LogsOldestNoteTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_note_gives_the_age_of_the_oldest_line_when_retention_dropped_older_ones()
    {
        var note = LogsCommand.OldestNote(Now.AddHours(-1), Now.AddMinutes(-38), dropped: true, TimeSpan.FromHours(1));

        Assert.Equal("oldest line is 38 minutes old; --since 1h reaches further back than the logs kept.", note);
    }

    // https://github.com/widemesh/widemesh/issues/5
    [Fact]
    public void A_young_environment_whose_first_line_is_kept_gets_no_note()
    {
        Assert.Null(LogsCommand.OldestNote(Now.AddHours(-1), Now.AddMinutes(-2), dropped: false, TimeSpan.FromHours(1)));
    }

    // https://github.com/widemesh/widemesh/issues/5
    [Fact]
    public void An_environment_without_any_line_gets_no_note()
    {
        Assert.Null(LogsCommand.OldestNote(Now.AddHours(-1), null, dropped: false, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_window_that_starts_after_the_oldest_line_gets_no_note()
    {
        Assert.Null(LogsCommand.OldestNote(Now.AddMinutes(-15), Now.AddMinutes(-38), dropped: true, TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void When_every_line_was_dropped_the_note_says_none_is_kept()
    {
        var note = LogsCommand.OldestNote(Now.AddMinutes(-30), null, dropped: true, TimeSpan.FromMinutes(30));

        Assert.StartsWith("no lines are kept", note, StringComparison.Ordinal);
    }
}

using Widemesh.Cli.Tests.Support;
using Widemesh.Cli.Workspace;

namespace Widemesh.Cli.Tests.Workspace;

public sealed class WorkspaceLocatorTests
{
    [Fact]
    public void The_option_wins_over_the_variable()
    {
        var context = TestContexts.Create(new() { ["WIDEMESH_WORKSPACE"] = "/from/env" });

        Assert.Equal("/from/option", WorkspaceLocator.Resolve(context, "/from/option"));
    }

    [Fact]
    public void The_variable_wins_over_the_default()
    {
        var context = TestContexts.Create(new() { ["WIDEMESH_WORKSPACE"] = "/from/env" });

        Assert.Equal("/from/env", WorkspaceLocator.Resolve(context, null));
    }

    [Fact]
    public void The_default_is_in_the_xdg_data_directory()
    {
        var context = TestContexts.Create(home: "/home/someone");

        Assert.Equal("/home/someone/.local/share/widemesh/workspace", WorkspaceLocator.Resolve(context, null));
    }

    [Fact]
    public void Relative_paths_are_taken_from_the_current_directory()
    {
        var context = TestContexts.Create(home: "/home/someone");

        Assert.Equal("/home/someone/infra", WorkspaceLocator.Resolve(context, "infra"));
    }
}

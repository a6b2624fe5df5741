using Widemesh.Cli.Engine;
using Widemesh.Cli.Tests.Support;

namespace Widemesh.Cli.Tests.Engine;

public sealed class EngineSelectorTests
{
    [Fact]
    public void Auto_without_terraform_on_path_is_the_builtin_engine()
    {
        var context = TestContexts.Create(new() { ["PATH"] = Some.TempDirectory("empty-path") });

        Assert.Equal("builtin", EngineSelector.Select(context, "auto").Name);
    }

    [Fact]
    public void Auto_with_terraform_on_path_and_the_provider_at_hand_is_the_terraform_engine()
    {
        var bin = Some.TempDirectory("path");
        File.WriteAllText(Path.Combine(bin, "terraform"), "#!/bin/sh\n");
        File.WriteAllText(Path.Combine(bin, "terraform-provider-widemesh"), "#!/bin/sh\n");
        var context = TestContexts.Create(new() { ["PATH"] = bin, ["WIDEMESH_PROVIDER_PATH"] = bin });

        Assert.Equal("terraform", EngineSelector.Select(context, null).Name);
    }

    [Fact]
    public void Auto_without_the_provider_binary_falls_back_to_the_builtin_engine()
    {
        var bin = Some.TempDirectory("path");
        File.WriteAllText(Path.Combine(bin, "terraform"), "#!/bin/sh\n");
        var context = TestContexts.Create(new() { ["PATH"] = bin });

        Assert.Equal("builtin", EngineSelector.Select(context, "auto").Name);
    }

    [Fact]
    public void Tofu_is_used_when_it_is_the_only_one()
    {
        var bin = Some.TempDirectory("path");
        File.WriteAllText(Path.Combine(bin, "tofu"), "#!/bin/sh\n");
        var context = TestContexts.Create(new() { ["PATH"] = bin });

        Assert.Equal("tofu", EngineSelector.Select(context, "terraform").Name);
    }

    [Fact]
    public void Terraform_engine_without_terraform_says_what_to_do()
    {
        var context = TestContexts.Create(new() { ["PATH"] = Some.TempDirectory("empty-path") });

        var exception = Assert.Throws<CliException>(() => EngineSelector.Select(context, "terraform"));

        Assert.Equal(ExitCodes.Usage, exception.ExitCode);
        Assert.Contains("--engine builtin", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_variable_picks_the_engine_when_no_option_is_given()
    {
        var bin = Some.TempDirectory("path");
        File.WriteAllText(Path.Combine(bin, "terraform"), "#!/bin/sh\n");
        var context = TestContexts.Create(new() { ["PATH"] = bin, ["WIDEMESH_ENGINE"] = "builtin" });

        Assert.Equal("builtin", EngineSelector.Select(context, null).Name);
    }
}

using Widemesh.Cli.Tests.Support;

[assembly: AssemblyFixture(typeof(MeshdFixture))]

using Widemesh.Platform.Tests.Support;

[assembly: AssemblyFixture(typeof(MeshdFixture))]

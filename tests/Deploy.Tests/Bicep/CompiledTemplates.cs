using System.Text.Json.Nodes;

namespace ReferenceFlow.Deploy.Tests.Bicep;

/// <summary>Compiles every .bicep and .bicepparam once per test class (each CLI start costs seconds).</summary>
public sealed class CompiledTemplates : IAsyncLifetime
{
    private readonly string _outDirectory = Directory.CreateTempSubdirectory("bicep-build-").FullName;

    public BicepResult Build { get; private set; } = null!;

    public BicepResult BuildParams { get; private set; } = null!;

    public string OutDirectory => _outDirectory;

    public JsonNode Template(string relativeBicepPath) =>
        Read(Path.ChangeExtension(relativeBicepPath, ".json"));

    public JsonNode Read(string relativeJsonPath) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(_outDirectory, relativeJsonPath)))
        ?? throw new InvalidOperationException($"{relativeJsonPath} is empty");

    public async Task InitializeAsync()
    {
        var build = BicepCli.RunAsync(BicepCli.InfraDirectory, "build", "--pattern", "**/*.bicep", "--outdir", _outDirectory, "--no-restore");
        var buildParams = BicepCli.RunAsync(BicepCli.InfraDirectory, "build-params", "--pattern", "*.bicepparam", "--outdir", _outDirectory, "--no-restore");
        Build = await build;
        BuildParams = await buildParams;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_outDirectory, recursive: true);
        return Task.CompletedTask;
    }
}

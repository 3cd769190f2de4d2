namespace ReferenceFlow.Deploy.Tests.Bicep;

public sealed class BicepLintTests
{
    [Fact]
    public async Task EveryBicepAndParameterFileLintsWithoutAnyDiagnostic()
    {
        var result = await BicepCli.RunAsync(BicepCli.InfraDirectory, "lint", "--pattern", "**/*.bicep*", "--no-restore");

        Assert.True(result.ExitCode == 0 && result.Diagnostics.Count == 0, result.Describe());
    }

    [Fact]
    public async Task TheLinterConfigurationTurnsAnUnusedParameterIntoAFailure()
    {
        // Proves the check above can fail: the repository's bicepconfig.json next to a flawed file.
        var directory = Directory.CreateTempSubdirectory("bicep-lint-").FullName;
        try
        {
            File.Copy(Path.Combine(BicepCli.InfraDirectory, "bicepconfig.json"), Path.Combine(directory, "bicepconfig.json"));
            await File.WriteAllTextAsync(Path.Combine(directory, "flawed.bicep"),
                "param unused string\nparam location string = 'westeurope'\noutput where string = location\n");

            var result = await BicepCli.RunAsync(directory, "lint", "flawed.bicep");

            Assert.Contains(result.Diagnostics, d => d.Contains("Warning no-unused-params", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void NoFileReferencesARegistryOrTemplateSpecModule()
    {
        var sources = Directory.EnumerateFiles(BicepCli.InfraDirectory, "*.bicep*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(sources);
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("'br:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'br/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts/", text, StringComparison.Ordinal);
        }
    }
}

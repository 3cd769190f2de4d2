using System.Text.Json.Nodes;

namespace ReferenceFlow.Deploy.Tests.Bicep;

[Collection(CompiledTemplatesCollection.Name)]
public sealed class BicepBuildTests(CompiledTemplates compiled)
{
    [Fact]
    public void EveryBicepFileCompilesWithoutWarningsOrErrors()
    {
        Assert.True(compiled.Build.ExitCode == 0 && compiled.Build.Diagnostics.Count == 0, compiled.Build.Describe());

        var sources = Directory.EnumerateFiles(BicepCli.InfraDirectory, "*.bicep", SearchOption.AllDirectories).ToList();
        Assert.Contains(sources, s => s.EndsWith("main.bicep", StringComparison.Ordinal));
        foreach (var source in sources)
        {
            var template = compiled.Template(Path.GetRelativePath(BicepCli.InfraDirectory, source));
            Assert.Contains("deploymentTemplate.json", template["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void EachParameterFileCompilesAndTakesSecretsFromTheEnvironment(string environment)
    {
        Assert.True(compiled.BuildParams.ExitCode == 0 && compiled.BuildParams.Diagnostics.Count == 0, compiled.BuildParams.Describe());

        var parameters = compiled.Read($"{environment}.json")["parameters"]!;
        Assert.Equal(environment, parameters["environmentName"]!["value"]!.GetValue<string>());
        Assert.Equal(BicepCli.PlaceholderEnvironment["REFERENCEFLOW_SIGNING_KEY"], parameters["actionLinkSigningKey"]!["value"]!.GetValue<string>());
        Assert.Equal(BicepCli.PlaceholderEnvironment["REFERENCEFLOW_IMAGE"], parameters["image"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void SecretParametersAreSecureStrings()
    {
        var parameters = compiled.Template("main.bicep")["parameters"]!.AsObject();

        foreach (var name in new[] { "actionLinkSigningKey", "smtpPassword", "graphClientSecret" })
        {
            Assert.Equal("securestring", parameters[name]!["type"]!.GetValue<string>());
        }
    }

    [Fact]
    public void MainOutputsTheAppUrlAndTheStorageAccountName()
    {
        var outputs = compiled.Template("main.bicep")["outputs"]!.AsObject();

        Assert.True(outputs.ContainsKey("appUrl"));
        Assert.True(outputs.ContainsKey("storageAccountName"));
    }

    /// <summary>Resources whether the template uses an array or symbolic names (languageVersion 2.0).</summary>
    internal static IEnumerable<JsonObject> Resources(JsonNode template, string type)
    {
        var resources = template["resources"]!;
        var all = resources is JsonArray array
            ? array.Select(r => r!.AsObject())
            : resources.AsObject().Select(p => p.Value!.AsObject());
        return all.Where(r => r["type"]!.GetValue<string>() == type && r["existing"] is null);
    }
}

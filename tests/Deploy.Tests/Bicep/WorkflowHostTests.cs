using System.Text.Json.Nodes;
using static ReferenceFlow.Deploy.Tests.Bicep.TemplateQuery;

namespace ReferenceFlow.Deploy.Tests.Bicep;

/// <summary>
/// main.bicep's workflowHost: 'functions' adds the Function App and makes the container app client-only; 'container'
/// deploys no Function App and lets the container app run the workers. The choice is a table in main.bicep's
/// variables; these tests read its rows and check that the modules are wired to them.
/// </summary>
[Collection(CompiledTemplatesCollection.Name)]
public sealed class WorkflowHostTests(CompiledTemplates compiled)
{
    private JsonNode Main => compiled.Template("main.bicep");

    [Fact]
    public void TheParameterAllowsTwoHostsAndEveryEnvironmentRunsTheFunctionsHost()
    {
        var parameter = Main["parameters"]!["workflowHost"]!;
        Assert.Equal(["functions", "container"], parameter["allowedValues"]!.AsArray().Select(v => Text(v)));
        Assert.Equal("functions", Text(parameter["defaultValue"]));
        foreach (var environment in new[] { "dev", "prod" })
        {
            Assert.Equal("functions", Text(compiled.Read($"{environment}.json")["parameters"]!["workflowHost"]!["value"]));
        }
    }

    [Theory]
    [InlineData("functions", true, false)]
    [InlineData("container", false, true)]
    public void TheHostDecidesWhetherTheFunctionAppExistsAndWhetherTheContainerRunsWorkers(
        string host, bool functionApp, bool containerRunsWorkers)
    {
        var row = Row(host);
        Assert.Equal(functionApp, row["functionApp"]!.GetValue<bool>());
        Assert.Equal(containerRunsWorkers, row["containerRunsWorkers"]!.GetValue<bool>());

        Assert.Equal("[variables('topologies')[parameters('workflowHost')]]", Text(Main["variables"]!["topology"]));
        Assert.Equal("[variables('topology').functionApp]", Text(Deployment(Main, "functionapp")["condition"]));
        var container = Deployment(Main, "containerapp");
        Assert.Null(container["condition"]);
        Assert.Equal("[variables('topology').containerRunsWorkers]", Text(Passed(container, "runWorkers")));
    }

    [Fact]
    public void OnlyTheConditionalFunctionAppDeploymentHoldsWebResources()
    {
        var withWeb = BicepBuildTests.Resources(Main, "Microsoft.Resources/deployments")
            .Where(d => d["properties"]!["template"]!.ToJsonString().Contains("\"Microsoft.Web/", StringComparison.Ordinal))
            .Select(d => Text(d["name"]));
        Assert.Equal(["functionapp"], withWeb);
        Assert.Empty(BicepBuildTests.Resources(Main, "Microsoft.Web/sites"));
    }

    [Fact]
    public void TheContainerAppIsToldWhetherToRunWorkers()
    {
        var containers = Single(compiled.Template("modules/containerapp.bicep"), "Microsoft.App/containerApps")["properties"]!["template"]!["containers"]!;
        var env = Text(Assert.Single(containers.AsArray())!["env"]);

        Assert.Contains("'ReferenceFlow__Engine__RunWorkers', 'value', if(parameters('runWorkers'), 'true', 'false')", env, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFunctionAppGetsTheContainerAppsProductSettingsAndSecrets()
    {
        var functions = Deployment(Main, "functionapp");
        var container = Deployment(Main, "containerapp");
        var containerSettings = Text(Passed(container, "settings"));
        var functionSettings = Text(Passed(functions, "settings"));

        // The container app has two more: ASPNETCORE_ENVIRONMENT, which the Functions host does not read, and the key ring's
        // certificate (only the web app keeps Data Protection keys).
        Assert.StartsWith($"[concat(createArray(createObject('name', 'ASPNETCORE_ENVIRONMENT', 'value', 'Production')), {functionSettings[1..^1]}, ",
            containerSettings, StringComparison.Ordinal);
        Assert.Contains("'ReferenceFlow__DataProtection__KeyVaultCertificate'", containerSettings, StringComparison.Ordinal);
        Assert.DoesNotContain("DataProtection", functionSettings, StringComparison.Ordinal);
        Assert.Contains("'ReferenceFlow__Email__Mode'", functionSettings, StringComparison.Ordinal);
        Assert.Contains("variables('entraSettings'), variables('roleSettings')", functionSettings, StringComparison.Ordinal);

        // The same secrets, and for the container app's sign-in (code flow) the Entra client secret as well.
        var functionSecrets = Text(Passed(functions, "keyVaultSecrets"));
        var containerSecrets = Text(Passed(container, "keyVaultSecrets"));
        Assert.StartsWith($"[concat({functionSecrets[1..^1]}, ", containerSecrets, StringComparison.Ordinal);
        Assert.Equal([.. FunctionAppDesignTests.SecretEnvironment(functionSecrets), "AzureAd__ClientSecret"],
            FunctionAppDesignTests.SecretEnvironment(containerSecrets));
    }

    [Fact]
    public void EmailActionLinksPointAtTheHostThatServesThem()
    {
        // A custom domain wins; otherwise the Function App when it runs, else the container app's own address.
        Assert.Equal(
            "[if(not(empty(parameters('publicBaseUrl'))), createObject('value', parameters('publicBaseUrl')), "
            + "if(variables('topology').functionApp, createObject('value', reference(resourceId('Microsoft.Resources/deployments', 'functionapp'), '2025-04-01').outputs.url.value), createObject('value', '')))]",
            Text(Deployment(Main, "containerapp")["properties"]!["parameters"]!["publicBaseUrl"]));
        Assert.Equal("[parameters('publicBaseUrl')]", Text(Passed(Deployment(Main, "functionapp"), "publicBaseUrl")));
        Assert.Equal("[format('https://{0}', reference('site').defaultHostName)]",
            Text(compiled.Template("modules/functionapp.bicep")["outputs"]!["url"]!["value"]));
    }

    [Fact]
    public void MainOutputsTheFunctionAppOnlyWhenItIsDeployed()
    {
        var outputs = Main["outputs"]!;
        foreach (var (name, output) in new[] { ("functionAppName", "name"), ("functionAppUrl", "url") })
        {
            Assert.Equal(
                $"[if(variables('topology').functionApp, reference(resourceId('Microsoft.Resources/deployments', 'functionapp'), '2025-04-01').outputs.{output}.value, '')]",
                Text(outputs[name]!["value"]));
        }
    }

    private JsonObject Row(string host) =>
        Main["variables"]!["topologies"]![host]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"no topology row for {host}");
}

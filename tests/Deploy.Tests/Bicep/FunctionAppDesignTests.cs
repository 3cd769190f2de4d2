using System.Text.Json.Nodes;
using ReferenceFlow.TestSupport;
using static ReferenceFlow.Deploy.Tests.Bicep.TemplateQuery;

namespace ReferenceFlow.Deploy.Tests.Bicep;

/// <summary>The Function App module (workflowHost=functions): Flex Consumption, identity-based storage, no secrets in settings.</summary>
[Collection(CompiledTemplatesCollection.Name)]
public sealed class FunctionAppDesignTests(CompiledTemplates compiled)
{
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string IdentityId = "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName'))]";

    private JsonNode Module => compiled.Template("modules/functionapp.bicep");

    private JsonObject Site => Single(Module, "Microsoft.Web/sites");

    private JsonObject HostSettings => Module["variables"]!["hostSettings"]!.AsObject();

    [Fact]
    public void TheAppRunsOnAFlexConsumptionPlanAsDotnetIsolated10()
    {
        var plan = Single(Module, "Microsoft.Web/serverfarms");
        Assert.Equal("FC1", Text(plan["sku"]!["name"]));
        Assert.Equal("FlexConsumption", Text(plan["sku"]!["tier"]));
        Assert.True(plan["properties"]!["reserved"]!.GetValue<bool>());

        Assert.Equal("functionapp,linux", Text(Site["kind"]));
        Assert.Equal("[resourceId('Microsoft.Web/serverfarms', parameters('planName'))]", Text(Site["properties"]!["serverFarmId"]));
        var runtime = Site["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", Text(runtime["name"]));
        Assert.Equal("10.0", Text(runtime["version"]));
    }

    [Fact]
    public void TheDurableGroupAlwaysHasAWarmInstanceAndScaleIsBounded()
    {
        var scale = Site["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!;

        // Durable timers are invisible queue messages until due: an always-ready durable instance fires them on time.
        var durable = Assert.Single(scale["alwaysReady"]!.AsArray(), g => Text(g!["name"]) == "durable");
        Assert.True(durable!["instanceCount"]!.GetValue<int>() >= 1);
        Assert.Contains(scale["instanceMemoryMB"]!.GetValue<int>(), new[] { 512, 2048, 4096 });

        Assert.Equal("[parameters('maximumInstanceCount')]", Text(scale["maximumInstanceCount"]));
        var bound = Module["parameters"]!["maximumInstanceCount"]!;
        Assert.True(bound["minValue"]!.GetValue<int>() >= 40 && bound["maxValue"]!.GetValue<int>() <= 1000);
        var main = compiled.Template("main.bicep")["parameters"]!["functionsMaximumInstanceCount"]!;
        Assert.InRange(main["defaultValue"]!.GetValue<int>(), 40, 1000);
    }

    [Fact]
    public void TheAppRunsAsTheUserAssignedIdentityForPackagesAndKeyVaultReferences()
    {
        var identity = Site["identity"]!;
        Assert.Equal("UserAssigned", Text(identity["type"]));
        // The key is the identity's resource id (wrapped in format() by the string interpolation).
        Assert.Equal([$"[format('{{0}}', {IdentityId[1..^1]})]"], identity["userAssignedIdentities"]!.AsObject().Select(p => p.Key));
        Assert.Equal(IdentityId, Text(Site["properties"]!["keyVaultReferenceIdentity"]));

        var storage = Site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", Text(storage["type"]));
        Assert.Equal("UserAssignedIdentity", Text(storage["authentication"]!["type"]));
        Assert.Equal(IdentityId, Text(storage["authentication"]!["userAssignedIdentityResourceId"]));
        // The package container is in the Function App's own account (IdentityDesignTests).
        Assert.Equal("[parameters('packageContainerUrl')]", Text(storage["value"]));
        var container = Single(compiled.Template("modules/functionstorage.bicep"), "Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.EndsWith("variables('packageContainerName'))]", Text(container["name"]), StringComparison.Ordinal);
        Assert.Equal("None", Text(container["properties"]!["publicAccess"]));
    }

    [Fact]
    public void HostStorageAndTheDurableConnectionAuthenticateWithTheIdentity()
    {
        var settings = HostSettings;
        Assert.Equal("[parameters('hostStorageAccountName')]", Text(settings["AzureWebJobsStorage__accountName"]));
        Assert.Equal("managedidentity", Text(settings["AzureWebJobsStorage__credential"]));
        Assert.Equal("[parameters('identityClientId')]", Text(settings["AzureWebJobsStorage__clientId"]));
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "a plain AzureWebJobsStorage is a connection string");

        // The connection host.json names for the durable task hub, with all three services it needs.
        var connection = Text(HostJson()["extensions"]!["durableTask"]!["storageProvider"]!["connectionName"]);
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.Equal($"[parameters('storageEndpoints').{service}]", Text(settings[$"{connection}__{service}ServiceUri"]));
        }
        Assert.Equal("managedidentity", Text(settings[$"{connection}__credential"]));
        Assert.Equal("[parameters('identityClientId')]", Text(settings[$"{connection}__clientId"]));
        Assert.Equal("[parameters('identityClientId')]", Text(settings["AZURE_CLIENT_ID"]));
    }

    [Fact]
    public void TheTaskHubAndPartitionCountComeFromTheSameParametersAsTheContainerApps()
    {
        // host.json reads the hub name from an app setting; that setting carries the shared taskHubName.
        var hubName = Text(HostJson()["extensions"]!["durableTask"]!["hubName"]);
        Assert.Matches("^%[A-Za-z_]+%$", hubName);
        Assert.Equal("ReferenceFlow__Engine__TaskHub", hubName.Trim('%'));
        Assert.Equal("[parameters('taskHubName')]", Text(HostSettings["ReferenceFlow__Engine__TaskHub"]));
        // Whatever host.json says for local runs, on Azure the count must match the container's PartitionCount.
        Assert.Equal("[string(parameters('partitionCount'))]",
            Text(HostSettings["AzureFunctionsJobHost__extensions__durableTask__storageProvider__partitionCount"]));

        var main = compiled.Template("main.bicep");
        var functions = Deployment(main, "functionapp");
        var container = Deployment(main, "containerapp");
        foreach (var parameter in new[] { "taskHubName", "partitionCount", "storageEndpoints" })
        {
            Assert.True(JsonNode.DeepEquals(Passed(container, parameter), Passed(functions, parameter)), parameter);
        }
        Assert.Equal("[parameters('taskHubName')]", Text(Passed(functions, "taskHubName")));
        Assert.Equal(Text(Passed(Deployment(main, "storage"), "name")), Text(Passed(functions, "storageAccountName")));
    }

    [Fact]
    public void NoSettingCarriesAKeyAConnectionStringOrASecretValue()
    {
        var module = Module.ToJsonString();
        foreach (var forbidden in new[] { "AccountKey", "SharedAccessSignature", "DefaultEndpointsProtocol", "listKeys", "listAccountSas" })
        {
            Assert.DoesNotContain(forbidden, module, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain(Module["parameters"]!.AsObject(), p => Text(p.Value!["type"]).StartsWith("secure", StringComparison.Ordinal));

        // Secrets arrive as Key Vault URIs only, turned into references the platform resolves with the identity.
        var main = compiled.Template("main.bicep");
        var functions = Deployment(main, "functionapp");
        var passed = functions["properties"]!["parameters"]!.ToJsonString();
        foreach (var secure in new[] { "actionLinkSigningKey", "erasurePseudonymKey", "smtpPassword", "graphClientSecret" })
        {
            Assert.DoesNotContain($"parameters('{secure}')", passed, StringComparison.Ordinal);
        }
        // A concat() of the four secrets and, during a rotation, the previous signing key.
        var secrets = Text(Passed(functions, "keyVaultSecrets"));
        Assert.Equal(
            ["ReferenceFlow__Actions__SigningKeys__0", "ReferenceFlow__Erasure__PseudonymKey", "ReferenceFlow__Email__Smtp__Password", "ReferenceFlow__Graph__ClientSecret", "ReferenceFlow__Actions__SigningKeys__1"],
            SecretEnvironment(secrets));
        Assert.Equal(5, Occurrences(secrets, "'keyVaultUrl', reference(resourceId('Microsoft.Resources/deployments', 'keyvault')"));
        var settings = Text(Passed(functions, "settings"));
        Assert.All(SecretEnvironment(secrets), env => Assert.DoesNotContain($"'{env}'", settings, StringComparison.Ordinal));
        Assert.Contains("format('@Microsoft.KeyVault(SecretUri={0})', lambdaVariables('s').keyVaultUrl)",
            Text(Module["variables"]!["secretSettings"]), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSettingsResourceLetsTheHostSettingsWinAndSkipsWhatFlexConsumptionRejects()
    {
        var appSettings = Single(Module, "Microsoft.Web/sites/config");
        Assert.EndsWith("'appsettings')]", Text(appSettings["name"]), StringComparison.Ordinal);
        var properties = Text(appSettings["properties"]);

        // union(): later objects win, so no product setting can replace an identity or task-hub setting.
        Assert.StartsWith("[union(variables('productSettings'), variables('secretSettings'), variables('hostSettings'), createObject(",
            properties, StringComparison.Ordinal);
        Assert.Contains("'APPLICATIONINSIGHTS_CONNECTION_STRING', reference('appInsights').ConnectionString", properties, StringComparison.Ordinal);
        Assert.Contains("'ReferenceFlow__Actions__BaseUrl', if(empty(parameters('publicBaseUrl')), format('https://{0}', reference('site').defaultHostName), parameters('publicBaseUrl'))",
            properties, StringComparison.Ordinal);

        // Flex Consumption takes the runtime from functionAppConfig and fails deployments that set these.
        var module = Module.ToJsonString();
        foreach (var rejected in new[] { "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING" })
        {
            Assert.DoesNotContain(rejected, module, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PublishingNeedsEntraIdAndTrafficNeedsHttpsAndTls12()
    {
        var policies = BicepBuildTests.Resources(Module, "Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.Contains(policies, p => Text(p["name"]).EndsWith("'scm')]", StringComparison.Ordinal));
        Assert.Contains(policies, p => Text(p["name"]).EndsWith("'ftp')]", StringComparison.Ordinal));
        Assert.All(policies, p => Assert.False(p["properties"]!["allow"]!.GetValue<bool>()));

        var properties = Site["properties"]!;
        Assert.True(properties["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("1.2", Text(properties["siteConfig"]!["minTlsVersion"]));
        Assert.Equal("Disabled", Text(properties["siteConfig"]!["ftpsState"]));
    }

    [Fact]
    public void TheModuleAssignsNoRoleItself()
    {
        // Blob Data Owner is given on the Function App's own account (functionstorage.bicep), Queue/Table/Blob Data
        // Contributor on the shared one (storage.bicep): see IdentityDesignTests.
        Assert.Empty(BicepBuildTests.Resources(Module, "Microsoft.Authorization/roleAssignments"));
        Assert.DoesNotContain(BlobDataOwner, Module.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>The env names of a compiled keyVaultSecrets list, in order.</summary>
    internal static List<string> SecretEnvironment(string expression) =>
        [.. System.Text.RegularExpressions.Regex.Matches(expression, @"'env', '([^']+)'").Select(m => m.Groups[1].Value)];

    internal static int Occurrences(string text, string part) => text.Split(part).Length - 1;

    private static JsonNode HostJson() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "src", "Functions", "host.json")))
        ?? throw new InvalidOperationException("host.json is empty");
}

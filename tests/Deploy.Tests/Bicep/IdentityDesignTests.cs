using System.Text.Json.Nodes;
using static ReferenceFlow.Deploy.Tests.Bicep.TemplateQuery;

namespace ReferenceFlow.Deploy.Tests.Bicep;

/// <summary>
/// Least privilege in the templates: each app runs as its own identity with only the roles it uses, the Function App's
/// package sits where only the Function App's identity may write, public network access is a stated choice, rotation has
/// its second signing-key slot, and Entra sign-in is configured by the template.
/// </summary>
[Collection(CompiledTemplatesCollection.Name)]
public sealed class IdentityDesignTests(CompiledTemplates compiled)
{
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";

    private JsonNode Main => compiled.Template("main.bicep");

    [Fact]
    public void TheContainerAppAndTheFunctionAppRunAsDifferentIdentities()
    {
        var variables = Main["variables"]!;
        Assert.NotEqual(Text(variables["identityName"]), Text(variables["functionsIdentityName"]));

        Assert.Null(Deployment(Main, "identity")["condition"]);
        Assert.Equal("[variables('topology').functionApp]", Text(Deployment(Main, "identity-functions")["condition"]));
        Assert.Equal("[variables('identityName')]", Text(Passed(Deployment(Main, "identity"), "name")));
        Assert.Equal("[variables('functionsIdentityName')]", Text(Passed(Deployment(Main, "identity-functions"), "name")));

        var container = Deployment(Main, "containerapp");
        Assert.Contains("'identity'), '2025-04-01').outputs.id.value", Text(Passed(container, "identityId")), StringComparison.Ordinal);
        Assert.Contains("'identity'), '2025-04-01').outputs.clientId.value", Text(Passed(container, "identityClientId")), StringComparison.Ordinal);
        var functions = Deployment(Main, "functionapp");
        Assert.Equal("[variables('functionsIdentityName')]", Text(Passed(functions, "identityName")));
        Assert.Contains("'identity-functions'), '2025-04-01').outputs.clientId.value", Text(Passed(functions, "identityClientId")), StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheFunctionAppsIdentityHasAnyRoleWhereItsPackageIs()
    {
        var module = compiled.Template("modules/functionstorage.bicep");
        var owner = Single(module, "Microsoft.Authorization/roleAssignments");
        Assert.Contains("variables('blobDataOwner')", Text(owner["properties"]!["roleDefinitionId"]), StringComparison.Ordinal);
        Assert.Equal(BlobDataOwner, Text(module["variables"]!["blobDataOwner"]));
        Assert.Equal("[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName')), '2023-01-31').principalId]",
            Text(owner["properties"]!["principalId"]));
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('name'))]", Text(owner["scope"]));
        Assert.Equal("app-package", Text(module["variables"]!["packageContainerName"]));

        var deployment = Deployment(Main, "functionstorage");
        Assert.Equal("[variables('functionsIdentityName')]", Text(Passed(deployment, "identityName")));
        Assert.Equal("[variables('topology').functionApp]", Text(deployment["condition"]));
        // Its own account, not the one the container app may write to.
        Assert.StartsWith("[take(format('stfn", Text(Passed(deployment, "name")), StringComparison.Ordinal);
        Assert.NotEqual(Text(Passed(deployment, "name")), Text(Passed(Deployment(Main, "storage"), "name")));
        var functions = Deployment(Main, "functionapp");
        Assert.Contains("'functionstorage'), '2025-04-01').outputs.packageContainerUrl.value", Text(Passed(functions, "packageContainerUrl")), StringComparison.Ordinal);
        Assert.Contains("'functionstorage'), '2025-04-01').outputs.name.value", Text(Passed(functions, "hostStorageAccountName")), StringComparison.Ordinal);

        // Blob Data Owner nowhere else (main.json holds each module's template inline).
        foreach (var other in BicepBuildTests.Resources(Main, "Microsoft.Resources/deployments").Where(d => Text(d["name"]) != "functionstorage"))
        {
            Assert.DoesNotContain(BlobDataOwner, other.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheSharedAccountAndTheVaultServeEachAppIdentityThatIsDeployed()
    {
        Assert.Equal(
            "[if(variables('topology').functionApp, createArray(variables('identityName'), variables('functionsIdentityName')), createArray(variables('identityName')))]",
            Text(Main["variables"]!["appIdentityNames"]));
        Assert.Equal("[variables('appIdentityNames')]", Text(Passed(Deployment(Main, "storage"), "identityNames")));
        Assert.Equal("[variables('appIdentityNames')]", Text(Passed(Deployment(Main, "keyvault"), "identityNames")));
    }

    [Fact]
    public void EveryAccountAndTheVaultStateTheirPublicNetworkAccessAndRefuseKeys()
    {
        // Stated, not defaulted: docs/deploy.md says why it stays enabled without a virtual network.
        foreach (var (file, type) in new[]
                 {
                     ("modules/storage.bicep", "Microsoft.Storage/storageAccounts"),
                     ("modules/functionstorage.bicep", "Microsoft.Storage/storageAccounts"),
                     ("modules/keyvault.bicep", "Microsoft.KeyVault/vaults"),
                 })
        {
            var properties = Single(compiled.Template(file), type)["properties"]!;
            Assert.Equal("Enabled", Text(properties["publicNetworkAccess"]));
            if (type == "Microsoft.Storage/storageAccounts")
            {
                Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>(), file);
                Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>(), file);
                Assert.Equal("TLS1_2", Text(properties["minimumTlsVersion"]));
            }
        }
        Assert.Contains("### Public network access", File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "..", "..", "docs", "deploy.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSecondSigningKeySlotIsWrittenAndWiredOnlyDuringARotation()
    {
        var vault = compiled.Template("modules/keyvault.bicep");
        var previous = Assert.Single(BicepBuildTests.Resources(vault, "Microsoft.KeyVault/vaults/secrets"),
            s => Text(s["name"]).Contains("'action-link-signing-key-previous'", StringComparison.Ordinal));
        Assert.Equal("[not(empty(parameters('previousActionLinkSigningKey')))]", Text(previous["condition"]));
        Assert.Equal("securestring", Text(vault["parameters"]!["previousActionLinkSigningKey"]!["type"]));
        Assert.Equal("securestring", Text(Main["parameters"]!["previousActionLinkSigningKey"]!["type"]));
        Assert.Equal("", Text(Main["parameters"]!["previousActionLinkSigningKey"]!["defaultValue"]));

        // Both hosts get slot 1 from Key Vault when, and only when, a previous key is given.
        foreach (var host in new[] { "functionapp", "containerapp" })
        {
            var secrets = Text(Passed(Deployment(Main, host), "keyVaultSecrets"));
            Assert.Contains("if(empty(parameters('previousActionLinkSigningKey')), createArray(), createArray(createObject('name', 'action-link-signing-key-previous', "
                + "'keyVaultUrl', reference(resourceId('Microsoft.Resources/deployments', 'keyvault'), '2025-04-01').outputs.previousSigningKeyUri.value, "
                + "'env', 'ReferenceFlow__Actions__SigningKeys__1')))", secrets, StringComparison.Ordinal);
        }
        foreach (var environment in new[] { "dev", "prod" })
        {
            var source = File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, $"{environment}.bicepparam"));
            Assert.Contains("param previousActionLinkSigningKey = readEnvironmentVariable('REFERENCEFLOW_PREVIOUS_SIGNING_KEY', '')", source, StringComparison.Ordinal);
            Assert.Equal("", Text(compiled.Read($"{environment}.json")["parameters"]!["previousActionLinkSigningKey"]!["value"]));
        }
    }

    [Fact]
    public void EntraSignInAndRolesAreConfiguredByTheTemplate()
    {
        var entra = Text(Main["variables"]!["entraSettings"]);
        Assert.StartsWith("[if(empty(parameters('entraClientId')), createArray(), ", entra, StringComparison.Ordinal);
        Assert.Contains("createObject('name', 'AzureAd__Instance', 'value', environment().authentication.loginEndpoint)", entra, StringComparison.Ordinal);
        // The tenant whose people alone may sign in: a directory id, as the app requires.
        Assert.Contains("createObject('name', 'AzureAd__TenantId', 'value', parameters('entraTenantId'))", entra, StringComparison.Ordinal);
        Assert.Contains("createObject('name', 'AzureAd__ClientId', 'value', parameters('entraClientId'))", entra, StringComparison.Ordinal);
        Assert.Contains("createObject('name', 'AzureAd__CallbackPath', 'value', '/signin-oidc')", entra, StringComparison.Ordinal);
        Assert.DoesNotContain("ClientSecret", entra, StringComparison.Ordinal);
        Assert.Equal("[tenant().tenantId]", Text(Main["parameters"]!["entraTenantId"]!["defaultValue"]));

        var roles = Text(Main["variables"]!["roleSettings"]);
        Assert.Contains("format('ReferenceFlow__Roles__ProgramManager__{0}', lambdaVariables('i')), 'value', parameters('programManagers')[lambdaVariables('i')]", roles, StringComparison.Ordinal);
        Assert.Contains("format('ReferenceFlow__Roles__SalesRep__{0}', lambdaVariables('i')), 'value', parameters('salesReps')[lambdaVariables('i')]", roles, StringComparison.Ordinal);

        // The client secret only from Key Vault, only to the container app (the Function App validates bearer tokens only).
        Assert.Equal("securestring", Text(Main["parameters"]!["entraClientSecret"]!["type"]));
        Assert.Contains("'entra-signin-client-secret', 'keyVaultUrl', reference(resourceId('Microsoft.Resources/deployments', 'keyvault'), '2025-04-01').outputs.entraClientSecretUri.value, 'env', 'AzureAd__ClientSecret'",
            Text(Passed(Deployment(Main, "containerapp"), "keyVaultSecrets")), StringComparison.Ordinal);
        Assert.DoesNotContain("AzureAd__ClientSecret", Text(Passed(Deployment(Main, "functionapp"), "keyVaultSecrets")), StringComparison.Ordinal);
        Assert.DoesNotContain("parameters('entraClientSecret')", Deployment(Main, "containerapp").ToJsonString(), StringComparison.Ordinal);
    }
}

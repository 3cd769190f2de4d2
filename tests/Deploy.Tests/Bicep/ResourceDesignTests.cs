using System.Text.Json.Nodes;

namespace ReferenceFlow.Deploy.Tests.Bicep;

/// <summary>The compiled templates carry the security and scaling decisions docs/deploy.md promises.</summary>
[Collection(CompiledTemplatesCollection.Name)]
public sealed class ResourceDesignTests(CompiledTemplates compiled)
{
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    [Fact]
    public void StorageRefusesSharedKeysPublicBlobsAndOldTls()
    {
        var account = Single(compiled.Template("modules/storage.bicep"), "Microsoft.Storage/storageAccounts");
        var properties = account["properties"]!;

        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]!.GetValue<string>());
    }

    [Fact]
    public void TheAppIdentityGetsTableAndQueueDataRolesAndKeyVaultSecretsUser()
    {
        var storageRoles = RoleDefinitions(compiled.Template("modules/storage.bicep"));
        var vaultRoles = RoleDefinitions(compiled.Template("modules/keyvault.bicep"));

        Assert.Contains(storageRoles, r => r.Contains(TableDataContributor, StringComparison.Ordinal));
        Assert.Contains(storageRoles, r => r.Contains(QueueDataContributor, StringComparison.Ordinal));
        Assert.Contains(vaultRoles, r => r.Contains(KeyVaultSecretsUser, StringComparison.Ordinal));
    }

    [Fact]
    public void KeyVaultUsesRbacAuthorization()
    {
        var vault = Single(compiled.Template("modules/keyvault.bicep"), "Microsoft.KeyVault/vaults");

        Assert.True(vault["properties"]!["enableRbacAuthorization"]!.GetValue<bool>());
    }

    [Fact]
    public void TheAppScalesToZeroOnHttpAndBothQueuesWithTheManagedIdentity()
    {
        var app = Single(compiled.Template("modules/containerapp.bicep"), "Microsoft.App/containerApps");
        var scale = app["properties"]!["template"]!["scale"]!;
        var rules = scale["rules"]!.ToJsonString();

        Assert.Equal(0, scale["minReplicas"]!.GetValue<int>());
        Assert.Contains("\"http\"", rules, StringComparison.Ordinal);
        var queues = scale["rules"]!.AsArray().Select(r => r!["azureQueue"]).OfType<JsonNode>().ToList();
        Assert.Equal(["timers", "work"], queues.Select(q => q["queueName"]!.GetValue<string>()).Order());
        Assert.All(queues, q => Assert.Contains("identityId", q["identity"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public void TheAppListensOn8080AndProbesTheHealthEndpoints()
    {
        var app = Single(compiled.Template("modules/containerapp.bicep"), "Microsoft.App/containerApps");
        var properties = app["properties"]!;
        var containers = properties["template"]!["containers"]!.ToJsonString();

        Assert.Equal(8080, properties["configuration"]!["ingress"]!["targetPort"]!.GetValue<int>());
        Assert.Contains("/health/live", containers, StringComparison.Ordinal);
        Assert.Contains("/health/ready", containers, StringComparison.Ordinal);
        Assert.Contains("Liveness", containers, StringComparison.Ordinal);
        Assert.Contains("Readiness", containers, StringComparison.Ordinal);
    }

    private static JsonObject Single(JsonNode template, string type) =>
        Assert.Single(BicepBuildTests.Resources(template, type));

    /// <summary>Role definition GUIDs assigned in a template, resolving the variables they are named by.</summary>
    private static List<string> RoleDefinitions(JsonNode template)
    {
        var variables = template["variables"]?.AsObject() ?? [];
        return BicepBuildTests.Resources(template, "Microsoft.Authorization/roleAssignments")
            .Select(r => r["properties"]!["roleDefinitionId"]!.GetValue<string>())
            .Select(id => variables.Aggregate(id, (text, v) =>
                v.Value is JsonValue value && value.TryGetValue(out string? guid)
                    ? text.Replace($"variables('{v.Key}')", guid, StringComparison.Ordinal)
                    : text))
            .ToList();
    }
}

using System.Text.Json.Nodes;

namespace ReferenceFlow.Deploy.Tests.Bicep;

/// <summary>The compiled templates carry the security and scaling decisions docs/deploy.md promises.</summary>
[Collection(CompiledTemplatesCollection.Name)]
public sealed class ResourceDesignTests(CompiledTemplates compiled)
{
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string KeyVaultCertificateUser = "db79e9a7-68ee-4b58-9aeb-b90e7c24fcba";

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
    public void NoTemplateReadsAStorageKeyAndTheAppGetsNoConnectionString()
    {
        var storage = compiled.Template("modules/storage.bicep").ToJsonString();
        var main = compiled.Template("main.bicep").ToJsonString();

        Assert.DoesNotContain("listKeys", storage, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listAccountSas", storage, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listServiceSas", storage, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ReferenceFlow__Storage__ConnectionString", main, StringComparison.Ordinal);
        Assert.DoesNotContain("ReferenceFlow__Storage__ConnectionString", AppEnvironment(), StringComparison.Ordinal);
    }

    [Fact]
    public void EachAppIdentityGetsBlobQueueAndTableDataRolesAndKeyVaultSecretsUserAndTheWebAppCertificateUser()
    {
        var storage = compiled.Template("modules/storage.bicep");
        var vault = compiled.Template("modules/keyvault.bicep");

        // The engine keeps leases and large messages in blobs, its control and work-item queues in queues,
        // history and instances in tables: exactly these three, for each identity named.
        var dataRoles = storage["variables"]!["dataRoles"]!.AsArray().Select(r => Resolve(storage, r!.GetValue<string>())).ToList();
        Assert.Equal([BlobDataContributor, TableDataContributor, QueueDataContributor], dataRoles);
        var assignment = Assert.Single(BicepBuildTests.Resources(storage, "Microsoft.Authorization/roleAssignments"));
        Assert.Equal("[length(variables('grants'))]", assignment["copy"]!["count"]!.GetValue<string>());
        Assert.Contains("map(range(0, length(parameters('identityNames')))", storage["variables"]!["grants"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("variables('dataRoles')", storage["variables"]!["grants"]!.GetValue<string>(), StringComparison.Ordinal);

        // Secrets for every app identity; the certificate that encrypts the Data Protection key ring only for the web app's.
        var vaultAssignments = BicepBuildTests.Resources(vault, "Microsoft.Authorization/roleAssignments").ToList();
        Assert.Equal(2, vaultAssignments.Count);
        var vaultRoles = RoleDefinitions(vault);
        var reader = vaultAssignments[vaultRoles.FindIndex(r => r.Contains(KeyVaultSecretsUser, StringComparison.Ordinal))];
        Assert.Equal("[length(parameters('identityNames'))]", reader["copy"]!["count"]!.GetValue<string>());
        var certificates = vaultAssignments[vaultRoles.FindIndex(r => r.Contains(KeyVaultCertificateUser, StringComparison.Ordinal))];
        Assert.Null(certificates["copy"]);
        Assert.Contains("parameters('keyRingReaderName')", certificates["properties"]!["principalId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", certificates["properties"]!["principalType"]!.GetValue<string>());

        foreach (var assigned in new[] { assignment, reader })
        {
            Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityNames')", assigned["properties"]!["principalId"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("ServicePrincipal", assigned["properties"]!["principalType"]!.GetValue<string>());
        }
    }

    [Fact]
    public void StorageLeavesTheTaskHubToTheEngine()
    {
        var storage = compiled.Template("modules/storage.bicep");

        // No pre-created work/timers/poison queues (nor tables or containers): the engine creates its task hub.
        foreach (var type in new[]
                 {
                     "Microsoft.Storage/storageAccounts/queueServices/queues",
                     "Microsoft.Storage/storageAccounts/tableServices/tables",
                     "Microsoft.Storage/storageAccounts/blobServices/containers",
                 })
        {
            Assert.Empty(BicepBuildTests.Resources(storage, type));
        }
        Assert.DoesNotContain("poison", storage.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Null(storage["parameters"]!["queueNames"]);
        Assert.True(storage["outputs"]!.AsObject().ContainsKey("blobEndpoint"));
    }

    [Fact]
    public void TheWebAppIsToldTheKeyRingCertificateAndTheFunctionAppIsNot()
    {
        var main = compiled.Template("main.bicep");
        var deployments = BicepBuildTests.Resources(main, "Microsoft.Resources/deployments").ToList();
        // An expression (the container app's concat) or a literal array (the Function App's).
        string Settings(string name) =>
            Assert.Single(deployments, d => d["name"]!.GetValue<string>() == name)["properties"]!["parameters"]!["settings"]!["value"] switch
            {
                JsonValue expression => expression.GetValue<string>(),
                var array => array!.ToJsonString(),
            };

        // Only the web app signs people in (cookies, antiforgery); the Function App keeps no Data Protection keys.
        Assert.Contains(
            "createObject('name', 'ReferenceFlow__DataProtection__KeyVaultCertificate', 'value', format('{0}certificates/{1}', "
            + "reference(resourceId('Microsoft.Resources/deployments', 'keyvault'), '2025-04-01').outputs.uri.value, parameters('keyRingCertificateName')))",
            Settings("containerapp"), StringComparison.Ordinal);
        Assert.DoesNotContain("DataProtection", Settings("functionapp"), StringComparison.Ordinal);
        Assert.Equal("dataprotection-keyring", main["parameters"]!["keyRingCertificateName"]!["defaultValue"]!.GetValue<string>());
    }

    [Fact]
    public void KeyVaultUsesRbacAuthorization()
    {
        var vault = Single(compiled.Template("modules/keyvault.bicep"), "Microsoft.KeyVault/vaults");

        Assert.True(vault["properties"]!["enableRbacAuthorization"]!.GetValue<bool>());
    }

    [Fact]
    public void TheAppKeepsAReplicaRunningAndScalesOutOnHttpOnly()
    {
        var template = compiled.Template("modules/containerapp.bicep");
        var scale = App(template)["properties"]!["template"]!["scale"]!;

        var rules = scale["rules"]!.AsArray();
        var rule = Assert.Single(rules);
        Assert.Equal("http", rule!["name"]!.GetValue<string>());
        Assert.NotNull(rule["http"]);
        Assert.DoesNotContain("azureQueue", rules.ToJsonString(), StringComparison.Ordinal);

        // Timers fire only while a worker polls the task hub: at least one replica, whatever is passed.
        Assert.Equal(1, MinimumReplicas(template, scale["minReplicas"]!));
        var main = compiled.Template("main.bicep")["parameters"]!["minReplicas"]!;
        Assert.True(main["minValue"]!.GetValue<int>() >= 1);
        Assert.True(main["defaultValue"]!.GetValue<int>() >= 1);
        foreach (var environment in new[] { "dev", "prod" })
        {
            var set = compiled.Read($"{environment}.json")["parameters"]!["minReplicas"];
            Assert.True(set is null || set["value"]!.GetValue<int>() >= 1, $"{environment}.bicepparam sets minReplicas below 1");
        }
    }

    [Fact]
    public void MaxReplicasCannotExceedThePartitionCount()
    {
        var template = compiled.Template("modules/containerapp.bicep");
        var maxReplicas = App(template)["properties"]!["template"]!["scale"]!["maxReplicas"]!.GetValue<string>();

        Assert.Contains("lessOrEquals(parameters('maxReplicas'), parameters('partitionCount'))", maxReplicas, StringComparison.Ordinal);
        Assert.Contains("fail(", maxReplicas, StringComparison.Ordinal);

        var main = compiled.Template("main.bicep")["parameters"]!;
        Assert.Equal(4, main["partitionCount"]!["defaultValue"]!.GetValue<int>());
        Assert.Equal(16, main["partitionCount"]!["maxValue"]!.GetValue<int>());
        Assert.Equal("[parameters('partitionCount')]", main["maxReplicas"]!["defaultValue"]!.GetValue<string>());
        foreach (var environment in new[] { "dev", "prod" })
        {
            var parameters = compiled.Read($"{environment}.json")["parameters"]!;
            var partitions = parameters["partitionCount"]?["value"]!.GetValue<int>() ?? 4;
            var max = parameters["maxReplicas"]?["value"]!.GetValue<int>() ?? partitions;
            Assert.InRange(partitions, 1, 16);
            Assert.InRange(max, 1, partitions);
        }
    }

    [Fact]
    public void TheQueueScaleRulesAndTheirParameterAreGoneEverywhere()
    {
        Assert.Null(compiled.Template("main.bicep")["parameters"]!["queueLength"]);
        Assert.Null(compiled.Template("modules/containerapp.bicep")["parameters"]!["queueLength"]);
        foreach (var environment in new[] { "dev", "prod" })
        {
            Assert.Null(compiled.Read($"{environment}.json")["parameters"]!["queueLength"]);
        }
        foreach (var source in Directory.EnumerateFiles(BicepCli.InfraDirectory, "*.bicep*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(source);
            Assert.DoesNotContain("azureQueue", text, StringComparison.Ordinal);
            Assert.DoesNotContain("queueLength", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheAppIsToldItsTaskHubPartitionCountAndStorageEndpoints()
    {
        var env = AppEnvironment();

        Assert.Contains("'ReferenceFlow__Engine__TaskHub', 'value', parameters('taskHubName')", env, StringComparison.Ordinal);
        Assert.Contains("'ReferenceFlow__Engine__PartitionCount', 'value', string(parameters('partitionCount'))", env, StringComparison.Ordinal);
        Assert.Contains("'ReferenceFlow__Storage__AccountName', 'value', parameters('storageAccountName')", env, StringComparison.Ordinal);
        foreach (var service in new[] { "Blob", "Queue", "Table" })
        {
            Assert.Contains($"'ReferenceFlow__Storage__{service}Endpoint', 'value', parameters('storageEndpoints').{service.ToLowerInvariant()}",
                env, StringComparison.Ordinal);
        }
        // One WorkerId for every replica would make them share partition leases: it defaults to the replica's host name.
        Assert.DoesNotContain("ReferenceFlow__Engine__WorkerId", env, StringComparison.Ordinal);

        var main = compiled.Template("main.bicep");
        Assert.Equal("referenceflow", main["parameters"]!["taskHubName"]!["defaultValue"]!.GetValue<string>());
        var passed = Assert.Single(BicepBuildTests.Resources(main, "Microsoft.Resources/deployments"),
            d => d["name"]!.GetValue<string>() == "containerapp")["properties"]!["parameters"]!;
        Assert.Equal("[parameters('taskHubName')]", passed["taskHubName"]!["value"]!.GetValue<string>());
        Assert.Equal("[parameters('partitionCount')]", passed["partitionCount"]!["value"]!.GetValue<string>());
        Assert.Contains("outputs.blobEndpoint", passed["storageEndpoints"]!["value"]!["blob"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheAppListensOn8080AndProbesTheHealthEndpoints()
    {
        var app = App(compiled.Template("modules/containerapp.bicep"));
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

    private static JsonObject App(JsonNode template) => Single(template, "Microsoft.App/containerApps");

    /// <summary>The app container's env list: one concat() expression in the compiled template.</summary>
    private string AppEnvironment()
    {
        var containers = App(compiled.Template("modules/containerapp.bicep"))["properties"]!["template"]!["containers"]!.AsArray();
        return Assert.Single(containers)!["env"]!.GetValue<string>();
    }

    /// <summary>The least value minReplicas can take: a literal, or the minValue of the parameter it names.</summary>
    private static int MinimumReplicas(JsonNode template, JsonNode minReplicas)
    {
        if (minReplicas is JsonValue value && value.TryGetValue(out int literal))
        {
            return literal;
        }
        var expression = minReplicas.GetValue<string>();
        var match = System.Text.RegularExpressions.Regex.Match(expression, @"^\[parameters\('(\w+)'\)\]$");
        Assert.True(match.Success, $"minReplicas is neither a literal nor a parameter: {expression}");
        var parameter = template["parameters"]![match.Groups[1].Value]!;
        return parameter["minValue"]?.GetValue<int>() ?? int.MinValue;
    }

    private static string Resolve(JsonNode template, string expression) =>
        System.Text.RegularExpressions.Regex.Match(expression, @"^\[variables\('(\w+)'\)\]$") is { Success: true } m
            ? template["variables"]![m.Groups[1].Value]!.GetValue<string>()
            : expression;

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

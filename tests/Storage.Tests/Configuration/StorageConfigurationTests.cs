using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.Tests.Configuration;

public sealed class StorageConfigurationTests
{
    [Fact]
    public void AConnectionStringGivesClientsForItsAccountAndThePrefixNamesEveryTable()
    {
        using var services = Build(new()
        {
            ["ReferenceFlow:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["ReferenceFlow:Storage:TablePrefix"] = "Ci42",
        });

        Assert.Equal("devstoreaccount1", services.GetRequiredService<TableServiceClient>().AccountName);
        var names = services.GetRequiredService<StorageNames>();
        Assert.Equal("Ci42requests", names.Requests);
        Assert.Equal("Ci42summaries", names.Summaries);
        Assert.Equal("Ci42usage", names.Usage);
        Assert.Equal(["Ci42requests", "Ci42summaries", "Ci42usage", "Ci42touches", "Ci42contactchanges", "Ci42thanks", "Ci42insights", "Ci42nominations", "Ci42programdays", "Ci42holds", "Ci42erasures", "Ci42people"], names.All);
        Assert.Same(names, services.GetRequiredService<StorageLayout>().Names);
    }

    [Fact]
    public void WithoutAPrefixTheTablesHaveTheirPlainNames() =>
        Assert.Equal(["requests", "summaries", "usage", "touches", "contactchanges", "thanks", "insights", "nominations", "programdays", "holds", "erasures", "people"], new StorageNames("").All);

    [Fact]
    public void TheStoreAndTheReadModelsAreRegisteredButNoQueues()
    {
        var collection = new ServiceCollection().AddReferenceFlowStorage(Configuration(new()
        {
            ["ReferenceFlow:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        }));
        using var services = collection.BuildServiceProvider(validateScopes: true);

        Assert.NotNull(services.GetRequiredService<RequestStore>());
        Assert.NotNull(services.GetRequiredService<SummaryWriter>());
        Assert.NotNull(services.GetRequiredService<UsageWriter>());
        Assert.IsType<SummaryReader>(services.GetRequiredService<ISummaryReader>());
        Assert.IsType<UsageReader>(services.GetRequiredService<IUsageReader>());
        Assert.DoesNotContain(collection, d => d.ServiceType.Namespace?.StartsWith("Azure.Storage", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void WithoutAConnectionStringTheAccountNameGivesManagedIdentityClientsAndEndpoints()
    {
        using var services = Build(new() { ["ReferenceFlow:Storage:AccountName"] = "rfprod" });
        var options = new StorageOptions { AccountName = "rfprod" };

        Assert.Equal(new Uri("https://rfprod.table.core.windows.net"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://rfprod.table.core.windows.net"), StorageClients.Endpoint(options, "table"));
        Assert.Equal(new Uri("https://rfprod.queue.core.windows.net"), StorageClients.Endpoint(options, "queue"));
        Assert.Equal(new Uri("https://rfprod.blob.core.windows.net"), StorageClients.Endpoint(options, "blob"));
    }

    [Fact]
    public void ExplicitEndpointsWinOverTheAccountName()
    {
        using var services = Build(new()
        {
            ["ReferenceFlow:Storage:AccountName"] = "rfprod",
            ["ReferenceFlow:Storage:TableEndpoint"] = "https://tables.example.test/",
        });
        var options = new StorageOptions
        {
            AccountName = "rfprod",
            BlobEndpoint = new Uri("https://blobs.example.test/"),
            QueueEndpoint = new Uri("https://queues.example.test/"),
        };

        Assert.Equal("tables.example.test", services.GetRequiredService<TableServiceClient>().Uri.Host);
        Assert.Equal(new Uri("https://blobs.example.test/"), StorageClients.Endpoint(options, "blob"));
        Assert.Equal(new Uri("https://queues.example.test/"), StorageClients.Endpoint(options, "queue"));
        Assert.Equal(new Uri("https://rfprod.table.core.windows.net"), StorageClients.Endpoint(options, "table"));
    }

    [Fact]
    public void AnUnknownServiceHasNoEndpoint() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StorageClients.Endpoint(new StorageOptions { AccountName = "rfprod" }, "files"));

    [Fact]
    public void NoStorageConfigurationIsAClearError()
    {
        using var services = Build([]);

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<TableServiceClient>());
        Assert.Contains("ReferenceFlow:Storage", error.Message, StringComparison.Ordinal);
        var blob = Assert.Throws<InvalidOperationException>(() => StorageClients.Endpoint(new StorageOptions(), "blob"));
        Assert.Contains("ReferenceFlow:Storage", blob.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("has-dash")]
    [InlineData("9starts")]
    [InlineData("under_score")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")]
    public void APrefixThatCannotNameATableIsRefused(string prefix) =>
        Assert.Throws<ArgumentException>(() => new StorageNames(prefix));

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddReferenceFlowStorage(Configuration(settings)).BuildServiceProvider();

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}

using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Storage.Configuration;

namespace ReferenceFlow.Storage.Tests.Configuration;

public sealed class StorageConfigurationTests
{
    [Fact]
    public void AConnectionStringGivesClientsForItsAccountAndThePrefixNamesEverything()
    {
        using var services = Build(new()
        {
            ["ReferenceFlow:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["ReferenceFlow:Storage:TablePrefix"] = "Ci42",
        });

        Assert.Equal("devstoreaccount1", services.GetRequiredService<TableServiceClient>().AccountName);
        Assert.Equal("devstoreaccount1", services.GetRequiredService<QueueServiceClient>().AccountName);
        var names = services.GetRequiredService<StorageNames>();
        Assert.Equal("Ci42streams", names.Streams);
        Assert.Equal("ci42-work", names.WorkQueue);
        Assert.Equal("ci42-timers-poison", StorageNames.PoisonOf(names.TimerQueue));
    }

    [Fact]
    public void WithoutAConnectionStringTheAccountNameGivesManagedIdentityClients()
    {
        using var services = Build(new() { ["ReferenceFlow:Storage:AccountName"] = "rfprod" });

        Assert.Equal(new Uri("https://rfprod.table.core.windows.net"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://rfprod.queue.core.windows.net"), services.GetRequiredService<QueueServiceClient>().Uri);
    }

    [Fact]
    public void ExplicitEndpointsWinOverTheAccountName()
    {
        using var services = Build(new()
        {
            ["ReferenceFlow:Storage:TableEndpoint"] = "https://tables.example.test/",
            ["ReferenceFlow:Storage:QueueEndpoint"] = "https://queues.example.test/",
        });

        Assert.Equal("tables.example.test", services.GetRequiredService<TableServiceClient>().Uri.Host);
        Assert.Equal("queues.example.test", services.GetRequiredService<QueueServiceClient>().Uri.Host);
    }

    [Fact]
    public void NoStorageConfigurationIsAClearError()
    {
        using var services = Build([]);

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<TableServiceClient>());
        Assert.Contains("ReferenceFlow:Storage", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("has-dash")]
    [InlineData("9starts")]
    [InlineData("under_score")]
    public void APrefixThatCannotNameATableIsRefused(string prefix) =>
        Assert.Throws<ArgumentException>(() => new StorageNames(prefix));

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddReferenceFlowStorage(configuration).BuildServiceProvider();
    }
}

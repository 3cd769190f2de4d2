using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReferenceFlow.Storage.Configuration;

namespace ReferenceFlow.Engine.Tests;

public sealed class EngineSettingsTests
{
    [Fact]
    public async Task ConfigurationReachesTheAzureStorageBackend()
    {
        await using var engine = Engine(new EngineOptions
        {
            TaskHub = "settingshub", PartitionCount = 3, MaxQueuePollingInterval = TimeSpan.FromMilliseconds(700),
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(40), WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(50),
            LeaseInterval = TimeSpan.FromSeconds(12), WorkerId = "replica-7", GrpcPort = 0,
        });

        var s = engine.Settings;
        Assert.Equal("settingshub", s.TaskHubName);
        Assert.Equal(3, s.PartitionCount);
        Assert.Equal(TimeSpan.FromMilliseconds(700), s.MaxQueuePollingInterval);
        Assert.Equal(TimeSpan.FromSeconds(40), s.ControlQueueVisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(50), s.WorkItemQueueVisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(12), s.LeaseInterval);
        Assert.Equal(TimeSpan.FromSeconds(4), s.LeaseRenewInterval);
        Assert.Equal("replica-7", s.WorkerId);
        Assert.InRange(engine.Port, 1, 65535);
    }

    [Fact]
    public async Task WithoutAWorkerIdTheMachineNameKeepsItStableAcrossRestarts()
    {
        await using var engine = Engine(new EngineOptions());

        Assert.Equal(Environment.MachineName, engine.Settings.WorkerId);
        Assert.Equal("referenceflow", engine.Settings.TaskHubName);
        Assert.Equal(TimeSpan.FromSeconds(1), engine.Settings.MaxQueuePollingInterval);
    }

    [Fact]
    public void WithoutAConnectionStringTheAccountNeedsANameForManagedIdentity()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new EmbeddedEngine(
            Options.Create(new EngineOptions()), Options.Create(new StorageOptions()), NullLoggerFactory.Instance,
            new ServiceCollection().BuildServiceProvider(), new EngineTasks(),
            Microsoft.DurableTask.Converters.JsonDataConverter.Default));
        Assert.Contains("ReferenceFlow:Storage", error.Message, StringComparison.Ordinal);
    }

    private static EmbeddedEngine Engine(EngineOptions options) => new(
        Options.Create(options), Options.Create(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" }),
        NullLoggerFactory.Instance, new ServiceCollection().BuildServiceProvider(),
        new EngineTasks(), Microsoft.DurableTask.Converters.JsonDataConverter.Default);
}

using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Engine.Tests;

/// <summary>A bare host with the embedded engine on the shared Azurite and the echo tasks.</summary>
internal static class EngineHost
{
    public static async Task<IHost> StartAsync(string taskHub, bool runWorkers, string workerId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReferenceFlow:Storage:ConnectionString"] = AzuriteInstance.SharedConnectionString,
            ["ReferenceFlow:Engine:TaskHub"] = taskHub,
            ["ReferenceFlow:Engine:PartitionCount"] = "1",
            ["ReferenceFlow:Engine:MaxQueuePollingInterval"] = "00:00:00.500",
            ["ReferenceFlow:Engine:RunWorkers"] = runWorkers ? "true" : "false",
            ["ReferenceFlow:Engine:WorkerId"] = workerId,
        });
        builder.Services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section));
        builder.Services.AddSingleton(new Suffix("!"));
        builder.Services.AddEmbeddedEngine(builder.Configuration,
            tasks => tasks.AddOrchestrator(typeof(EchoOrchestrator)).AddActivity(typeof(ShoutActivity)), _ => JsonDataConverter.Default);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static DurableTaskClient Client(this IHost host) => host.Services.GetRequiredService<DurableTaskClient>();
}

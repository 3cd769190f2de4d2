using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReferenceFlow.Calendar;
using ReferenceFlow.Email;
using ReferenceFlow.Engine;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Serialization;
using ReferenceFlow.Workflow;

namespace ReferenceFlow.WorkflowBench;

/// <summary>The app's composition without the web (as tests/Workflow.Tests' WorkflowHost), on its own tables and task hub.</summary>
internal static class BenchHost
{
    /// <summary>The task hub is the run prefix and this: every table, queue and container named so is the engine's.</summary>
    public const string HubSuffix = "hub";

    public static IHost Build(BenchOptions o, string prefix, string outbox)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReferenceFlow:Storage:ConnectionString"] = o.ConnectionString,
            ["ReferenceFlow:Storage:TablePrefix"] = prefix,
            ["ReferenceFlow:Engine:TaskHub"] = prefix + HubSuffix,
            ["ReferenceFlow:Engine:PartitionCount"] = o.Partitions.ToString(CultureInfo.InvariantCulture),
            ["ReferenceFlow:Engine:MaxQueuePollingInterval"] = TimeSpan.FromMilliseconds(o.PollMs).ToString("c", CultureInfo.InvariantCulture),
            ["ReferenceFlow:Email:Mode"] = "Pickup",
            ["ReferenceFlow:Email:PickupDirectory"] = outbox,
            ["ReferenceFlow:Actions:SigningKeys:0"] = "workflow-bench-signing-key-0123456789abcdef",
        });
        builder.Logging.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRequestWorkflow(builder.Configuration);
        builder.Services.AddEmbeddedEngine(builder.Configuration,
            tasks => tasks.Add(WorkflowServiceCollectionExtensions.Orchestrators, CountedActivities.Replacing(WorkflowServiceCollectionExtensions.Activities)),
            WorkflowServiceCollectionExtensions.DataConverter);
        return builder.Build();
    }

    /// <summary>
    /// Waits until the engine serves and its worker runs. A slow storage makes the engine start in the background after
    /// the host has started (it would answer "unavailable" meanwhile), which a busy shared machine does now and then.
    /// </summary>
    public static async Task WaitUntilServingAsync(IServiceProvider services, TimeSpan atMost)
    {
        var engine = services.GetRequiredService<EmbeddedEngine>();
        var deadline = DateTime.UtcNow + atMost;
        while (!(engine.IsStarted && engine.WorkerRunning))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {atMost.TotalSeconds:0} s for the engine to start.");
            await Task.Delay(100);
        }
    }

    /// <summary>Removes what this run created: its task hub (queues, tables, lease containers) and every table named with its prefix.</summary>
    public static async Task DeleteAsync(IServiceProvider services, string connectionString, string prefix)
    {
        var engine = services.GetRequiredService<EmbeddedEngine>();
        await new DurableTask.AzureStorage.AzureStorageOrchestrationService(engine.Settings).DeleteAsync();
        // The app's tables, the directory's and the raw leg's: all begin with the run's prefix, which no one else uses.
        var tables = services.GetRequiredService<Azure.Data.Tables.TableServiceClient>();
        await foreach (var table in tables.QueryAsync(Azure.Data.Tables.TableServiceClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}")))
        {
            await tables.DeleteTableAsync(table.Name);
        }
        // The library's delete leaves "{hub}-applease", still leased after the worker stopped: every container named after this run's hub is ours.
        var blobs = new Azure.Storage.Blobs.BlobServiceClient(connectionString);
        await foreach (var item in blobs.GetBlobContainersAsync(prefix: engine.Settings.TaskHubName.ToLowerInvariant()))
        {
            var container = blobs.GetBlobContainerClient(item.Name);
            if (item.Properties.LeaseState == Azure.Storage.Blobs.Models.LeaseState.Leased)
            {
                await Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(container).BreakAsync(TimeSpan.Zero);
            }
            await container.DeleteIfExistsAsync();
        }
    }
}

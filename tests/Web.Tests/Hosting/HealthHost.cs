using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Engine;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Web.Hosting;

namespace ReferenceFlow.Web.Tests.Hosting;

/// <summary>
/// A minimal app with only the hosting pieces and the workflow engine (no tasks), on an in-memory server,
/// storage given by a connection string.
/// </summary>
internal static class HealthHost
{
    public static async Task<WebApplication> StartAsync(string connectionString, bool runWorkers = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration["ReferenceFlow:Hosting:StorageProbeTimeout"] = "00:00:02";
        builder.Configuration["ReferenceFlow:Storage:ConnectionString"] = connectionString;
        builder.Configuration["ReferenceFlow:Engine:TaskHub"] = "health" + Guid.NewGuid().ToString("N")[..8];
        builder.Configuration["ReferenceFlow:Engine:PartitionCount"] = "1";
        builder.Configuration["ReferenceFlow:Engine:RunWorkers"] = runWorkers ? "true" : "false";
        builder.Services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section));
        builder.Services.AddEmbeddedEngine(builder.Configuration, _ => { }, _ => JsonDataConverter.Default);
        builder.Services.AddSingleton(new TableServiceClient(connectionString, new TableClientOptions
        {
            Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(2) },
        }));
        builder.AddReferenceFlowHosting();

        var app = builder.Build();
        app.MapReferenceFlowHealth();
        await app.StartAsync();
        return app;
    }
}

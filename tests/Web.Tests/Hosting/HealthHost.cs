using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Web.Hosting;

namespace ReferenceFlow.Web.Tests.Hosting;

/// <summary>A minimal app with only the hosting pieces, on an in-memory server, storage given by a connection string.</summary>
internal static class HealthHost
{
    public static async Task<WebApplication> StartAsync(string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration["ReferenceFlow:Hosting:StorageProbeTimeout"] = "00:00:02";
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

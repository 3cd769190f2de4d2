using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReferenceFlow.ApiContract;
using ReferenceFlow.Engine;
using ReferenceFlow.Functions.Http;
using ReferenceFlow.Functions.Tests.Http;
using ReferenceFlow.TestSupport;
using ReferenceFlow.Workflow;

namespace ReferenceFlow.Functions.Tests.Support;

/// <summary>
/// The Functions app's services — configured from local.settings.json.example — with the embedded engine in the
/// place of the Durable Functions extension (same orchestrator and activities, same Azure Storage backend), on the
/// shared Azurite with its own tables, task hub and outbox. Clients reach the HTTP triggers through
/// <see cref="HttpTriggerHandler"/>.
/// </summary>
public class FunctionsApiHost : IApiHost, IAsyncLifetime
{
    private readonly IHost _host;
    private readonly IReadOnlyList<HttpTriggerRoute> _routes = HttpTriggerRoute.From(FunctionsOutput.Functions(), typeof(ApiGate).Assembly);

    public FunctionsApiHost() : this(null)
    {
    }

    /// <summary>With whatever configuration a test class adds (lower rate limits).</summary>
    protected FunctionsApiHost(IDictionary<string, string?>? settings)
    {
        var prefix = "f" + Guid.NewGuid().ToString("N")[..10];
        Outbox = System.IO.Directory.CreateTempSubdirectory("rf-outbox-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(FunctionsOutput.LocalSettingsExample());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReferenceFlow:Storage:ConnectionString"] = AzuriteInstance.SharedConnectionString,
            ["ReferenceFlow:Storage:TablePrefix"] = prefix,
            ["ReferenceFlow:Email:PickupDirectory"] = Outbox,
            ["ReferenceFlow:Engine:TaskHub"] = prefix + "hub",
            ["ReferenceFlow:Engine:PartitionCount"] = "1",
            ["ReferenceFlow:Engine:MaxQueuePollingInterval"] = "00:00:00.500",
            ["ReferenceFlow:Workflow:EffectFirstRetry"] = "00:00:00.500",
            ["ReferenceFlow:Workflow:EffectMaxRetryInterval"] = "00:00:02",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddReferenceFlowFunctions(builder.Configuration);
        builder.Services.AddEmbeddedEngine(builder.Configuration,
            tasks => tasks.Add(WorkflowServiceCollectionExtensions.Orchestrators, WorkflowServiceCollectionExtensions.Activities),
            WorkflowServiceCollectionExtensions.DataConverter);
        builder.Services.Configure<HostOptions>(o => o.ServicesStopConcurrently = true);
        _host = builder.Build();
    }

    public IServiceProvider Services => _host.Services;

    public string Outbox { get; }

    public HttpClient ClientFor(string apiKey)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public HttpClient Anonymous() => new(new HttpTriggerHandler(_host.Services, _routes)) { BaseAddress = new Uri("http://localhost:7071") };

    public virtual Task InitializeAsync() => _host.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        try { System.IO.Directory.Delete(Outbox, recursive: true); } catch (IOException) { }
    }
}

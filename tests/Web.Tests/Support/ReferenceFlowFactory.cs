using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using ReferenceFlow.ApiContract;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Web.Tests.Support;

/// <summary>
/// The app on the shared Azurite with its own table prefix and task hub, a private pickup outbox and
/// whatever configuration a test class adds (short policies, another storage account).
/// </summary>
public class ReferenceFlowFactory : WebApplicationFactory<Program>, IApiHost
{
    private readonly Dictionary<string, string?> _settings;

    public ReferenceFlowFactory() : this(null)
    {
    }

    protected ReferenceFlowFactory(IDictionary<string, string?>? settings)
    {
        Prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        Outbox = Directory.CreateTempSubdirectory("rf-outbox-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["ReferenceFlow:Storage:ConnectionString"] = AzuriteInstance.SharedConnectionString,
            ["ReferenceFlow:Storage:TablePrefix"] = Prefix,
            ["ReferenceFlow:Email:Mode"] = "Pickup",
            ["ReferenceFlow:Email:PickupDirectory"] = Outbox,
            ["ReferenceFlow:Seed:DemoData"] = "false",
            // One partition: a fresh task hub's single lease is taken at once; polling stays quick for short timers.
            ["ReferenceFlow:Engine:TaskHub"] = Prefix + "hub",
            ["ReferenceFlow:Engine:PartitionCount"] = "1",
            ["ReferenceFlow:Engine:MaxQueuePollingInterval"] = "00:00:00.500",
            ["ReferenceFlow:Workflow:EffectFirstRetry"] = "00:00:00.500",
            ["ReferenceFlow:Workflow:EffectMaxRetryInterval"] = "00:00:02",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public string Prefix { get; }

    public string Outbox { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
    }

    public HttpClient ClientFor(string apiKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(Outbox, recursive: true); } catch (IOException) { }
    }
}

using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Storage.Serialization;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Storage.Tests.Support;

/// <summary>
/// The storage services as the app registers them, on tables of their own (a fresh prefix),
/// dropped again on dispose.
/// </summary>
public sealed class TestStorage : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestStorage(ServiceProvider services) => _services = services;

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>On the shared emulator unless <paramref name="connectionString"/> names another.</summary>
    public static TestStorage Create(string? connectionString = null, int maxRetries = 1)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReferenceFlow:Storage:ConnectionString"] = connectionString ?? AzuriteInstance.SharedConnectionString,
            ["ReferenceFlow:Storage:TablePrefix"] = NewPrefix(),
            ["ReferenceFlow:Storage:MaxRetries"] = $"{maxRetries}",
            ["ReferenceFlow:Storage:NetworkTimeout"] = "00:00:05",
        }).Build();
        return new TestStorage(new ServiceCollection().AddReferenceFlowStorage(configuration).BuildServiceProvider(validateScopes: true));
    }

    public StorageLayout Layout => Get<StorageLayout>();
    public JsonCodec Codec => Get<JsonCodec>();
    public RequestStore Requests => Get<RequestStore>();
    public SummaryWriter SummaryWriter => Get<SummaryWriter>();
    public ISummaryReader Summaries => Get<ISummaryReader>();
    public UsageWriter UsageWriter => Get<UsageWriter>();
    public IUsageReader Usage => Get<IUsageReader>();
    public ContactTouches Touches => Get<ContactTouches>();
    public ThanksLedger Thanks => Get<ThanksLedger>();
    public InsightStore Insights => Get<InsightStore>();
    public ProgramDays ProgramDays => Get<ProgramDays>();
    public ReferenceFlow.Storage.Directory.ContactChangeLog ChangeLog => Get<ReferenceFlow.Storage.Directory.ContactChangeLog>();
    public ReferenceFlow.Storage.People.RememberedNames People => Get<ReferenceFlow.Storage.People.RememberedNames>();

    public TableClient Table(string name) => Layout.Table(name);

    public async ValueTask DisposeAsync()
    {
        var tables = Get<TableServiceClient>();
        foreach (var table in Layout.Names.All)
        {
            try
            {
                await tables.DeleteTableAsync(table);
            }
            catch (RequestFailedException)
            {
                // Best effort: a table never created, or an emulator that is gone.
            }
        }
        await _services.DisposeAsync();
    }

    private T Get<T>() where T : notnull => _services.GetRequiredService<T>();
}

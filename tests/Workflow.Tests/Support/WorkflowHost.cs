using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReferenceFlow.Calendar;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Tests.Support;
using ReferenceFlow.Email;
using ReferenceFlow.Engine;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Storage.Serialization;
using ReferenceFlow.TestSupport;
using ReferenceFlow.Workflow;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Workflow.Tests.Support;

/// <summary>
/// The request workflow on the embedded engine over the shared Azurite, with its own tables and task hub
/// and a private pickup outbox: the same composition the app uses, without the web.
/// </summary>
public class WorkflowHost : IAsyncLifetime
{
    public const string Rep = "rep@demo.local";
    public const string Pm = "pm@demo.local";

    private readonly string _prefix = "w" + Guid.NewGuid().ToString("N")[..10];
    private IHost _host = null!;

    public string Outbox { get; } = Directory.CreateTempSubdirectory("rf-outbox-").FullName;

    private readonly Dictionary<string, string?> _settings;

    public WorkflowHost() : this([])
    {
    }

    /// <summary>Policy and other settings a test class needs, on top of the defaults here.</summary>
    protected WorkflowHost(Dictionary<string, string?> settings) => _settings = settings;

    public IServiceProvider Services => _host.Services;

    public RequestWorkflow Workflow => Services.GetRequiredService<RequestWorkflow>();

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ReferenceFlow:Storage:ConnectionString"] = AzuriteInstance.SharedConnectionString,
            ["ReferenceFlow:Storage:TablePrefix"] = _prefix,
            ["ReferenceFlow:Engine:TaskHub"] = _prefix + "hub",
            ["ReferenceFlow:Engine:PartitionCount"] = "1",
            ["ReferenceFlow:Engine:MaxQueuePollingInterval"] = "00:00:00.500",
            ["ReferenceFlow:Email:Mode"] = "Pickup",
            ["ReferenceFlow:Email:PickupDirectory"] = Outbox,
            ["ReferenceFlow:Actions:SigningKeys:0"] = "workflow-tests-signing-key-0123456789abcdef",
            ["ReferenceFlow:Workflow:EffectFirstRetry"] = "00:00:00.500",
            ["ReferenceFlow:Workflow:EffectMaxRetryInterval"] = "00:00:02",
        };
        foreach (var (key, value) in _settings) settings[key] = value;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddRequestWorkflow(builder.Configuration);
        builder.Services.AddEmbeddedEngine(builder.Configuration,
            tasks => tasks.Add(WorkflowServiceCollectionExtensions.Orchestrators, WorkflowServiceCollectionExtensions.Activities),
            WorkflowServiceCollectionExtensions.DataConverter);
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        try { Directory.Delete(Outbox, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Submits a request for the sample prospect with <paramref name="candidates"/> matched accounts (kept in the directory),
    /// named <paramref name="accounts"/>0, 1…, by default accounts of its own: a request holds the contact it asks, so
    /// requests sharing accounts would pass each other's contacts over.
    /// </summary>
    public async Task<string> SubmitAsync(int candidates = 3, string? accounts = null) => await SubmitAsync(await RankAsync(candidates, accounts));

    /// <summary>The sample prospect's candidates among <paramref name="candidates"/> accounts put in the directory.</summary>
    public async Task<IReadOnlyList<Candidate>> RankAsync(int candidates = 3, string? accounts = null)
    {
        accounts ??= "acc" + Guid.NewGuid().ToString("N")[..6];
        var directoryAccounts = Enumerable.Range(0, candidates).Select(i => Sample.Account($"{accounts}{i}", employees: 9000 + (i * 300))).ToList();
        var directory = Services.GetRequiredService<IReferenceDirectory>();
        foreach (var account in directoryAccounts) await directory.UpsertAsync(account, CancellationToken.None);
        return Matcher.Rank(Intake(), directoryAccounts, [], new HashSet<ContactKey>(), DateTimeOffset.UtcNow, new Domain.Policies.WorkflowPolicy(), candidates);
    }

    /// <summary>Submits a request for the sample prospect with these candidates, in this order.</summary>
    public async Task<string> SubmitAsync(IReadOnlyList<Candidate> candidates)
    {
        var submission = Submission(candidates);
        await Workflow.SubmitAsync(submission, CancellationToken.None);
        return submission.RequestId;
    }

    /// <summary>A rep's submission for the sample prospect, under a new id.</summary>
    public static SubmitRequest Submission(IReadOnlyList<Candidate> candidates) =>
        new(Guid.NewGuid().ToString("N"), Intake(), Rep, Pm, candidates, DateTimeOffset.UtcNow);

    private static RequestIntake Intake() => Sample.Intake(neededBy: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)));

    /// <summary>Polls the recorded history until <paramref name="until"/> holds, within a bounded time.</summary>
    public async Task<RequestSnapshot> WaitAsync(string id, Func<RequestSnapshot, bool> until, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var snapshot = await Workflow.LoadAsync(id, CancellationToken.None);
            if (snapshot is { Version: > 0 } && until(snapshot)) return snapshot;
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Request {id} stayed {snapshot?.State.Status} at version {snapshot?.Version}.");
            }
            await Task.Delay(100);
        }
    }

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string id) => Workflow.ReadHistoryAsync(id, CancellationToken.None);

    /// <summary>The .eml files of a request's emails of one kind.</summary>
    public IReadOnlyList<string> Emails(string id, string kind) =>
        Directory.GetFiles(Outbox, "*.eml").Where(f => File.ReadAllText(f).Contains($"X-ReferenceFlow-Request: {id}", StringComparison.Ordinal)
            && File.ReadAllText(f).Contains($"X-ReferenceFlow-Kind: {kind}", StringComparison.Ordinal)).ToList();
}

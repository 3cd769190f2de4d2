using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Effects;
using ReferenceFlow.Storage.Outbox;
using ReferenceFlow.Storage.Queues;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Runtime;
using ReferenceFlow.Storage.Streams;
using ReferenceFlow.Storage.Timers;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Storage.Tests.Support;

/// <summary>
/// One "process" of the app: a service provider with the runtime over the counter decider. A new
/// instance on the same prefix is a restart. Workers are pumped by hand so tests are deterministic.
/// </summary>
public sealed class TestRuntime : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _keepStorage;

    private TestRuntime(ServiceProvider services, bool keepStorage) => (_services, _keepStorage) = (services, keepStorage);

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public static TestRuntime Create(
        string prefix,
        PokeLog? log = null,
        TimeProvider? time = null,
        IFaultInjector? faults = null,
        IMessageQueues? queues = null,
        string? connectionString = null,
        Action<RuntimeOptions>? configure = null,
        bool keepStorage = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReferenceFlow:Storage:ConnectionString"] = connectionString ?? AzuriteInstance.SharedConnectionString,
            ["ReferenceFlow:Storage:TablePrefix"] = prefix,
            ["ReferenceFlow:Storage:MaxRetries"] = "1",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddReferenceFlowStorage(configuration);
        services.AddDurableRuntime<CounterState, CounterCommand, CounterEvent, CounterDecider>(o =>
        {
            o.RunWorkers = false;
            o.RetryBaseDelay = TimeSpan.Zero;
            o.OutboxSweepGrace = TimeSpan.Zero;
            o.TimerSweepGrace = TimeSpan.FromMinutes(5);
            o.WorkVisibility = TimeSpan.FromSeconds(30);
            configure?.Invoke(o);
        });
        services.AddSingleton(log ?? new PokeLog());
        services.AddSingleton<IEffectHandler, PokeHandler>();
        services.AddSingleton<ISummaryProjector<CounterState>, CounterProjector>();
        if (time is not null)
        {
            services.AddSingleton(time);
        }
        if (faults is not null)
        {
            services.AddSingleton(faults);
        }
        if (queues is not null)
        {
            services.AddSingleton(queues);
        }
        return new TestRuntime(services.BuildServiceProvider(validateScopes: true), keepStorage);
    }

    public IServiceProvider Services => _services;
    public DurableRuntime<CounterState, CounterCommand, CounterEvent> Runtime => Get<DurableRuntime<CounterState, CounterCommand, CounterEvent>>();
    public StorageLayout Layout => Get<StorageLayout>();
    public OutboxSweeper OutboxSweeper => Get<OutboxSweeper>();
    public TimerSweeper<CounterState, CounterCommand, CounterEvent> TimerSweeper => Get<TimerSweeper<CounterState, CounterCommand, CounterEvent>>();
    public OutboxDispatcher Dispatcher => Get<OutboxDispatcher>();
    public ISummaryReader Summaries => Get<ISummaryReader>();
    public IUsageReader Usage => Get<IUsageReader>();

    public QueuePump WorkPump
    {
        get
        {
            var work = Get<WorkProcessor<CounterState, CounterCommand, CounterEvent>>();
            return new QueuePump(work.Queue, work.ProcessAsync, 8, Get<Microsoft.Extensions.Options.IOptions<RuntimeOptions>>().Value.WorkVisibility);
        }
    }

    public QueuePump TimerPump
    {
        get
        {
            var timers = Get<TimerProcessor<CounterState, CounterCommand, CounterEvent>>();
            return new QueuePump(timers.Queue, timers.ProcessAsync, 8, TimeSpan.FromSeconds(30));
        }
    }

    public IMessageQueue Queue(string name) => Get<IMessageQueues>().Get(name);

    /// <summary>Pumps both queues until neither has a visible message.</summary>
    public async Task DrainAsync()
    {
        while (await WorkPump.DrainAsync(CancellationToken.None) + await TimerPump.DrainAsync(CancellationToken.None) > 0)
        {
        }
    }

    public async Task<CounterState> StateAsync(string streamId) =>
        (await Runtime.LoadAsync(streamId, CancellationToken.None))?.State ?? throw new InvalidOperationException($"No stream {streamId}.");

    public async Task<IReadOnlyList<HistoryEntry<CounterEvent>>> HistoryAsync(string streamId) =>
        await Runtime.ReadHistoryAsync(streamId, CancellationToken.None);

    public Task<CommandOutcome<CounterState>> ExecuteAsync(string streamId, CounterCommand command, string? messageId = null, bool mustExist = false) =>
        Runtime.ExecuteAsync(streamId, command, messageId ?? Guid.NewGuid().ToString("N"), mustExist, CancellationToken.None);

    private T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Drops this run's tables and queues (unless a "restarted" instance still needs them).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_keepStorage)
        {
            var names = Layout.Names;
            var tables = Get<Azure.Data.Tables.TableServiceClient>();
            var queues = Get<Azure.Storage.Queues.QueueServiceClient>();
            try
            {
                foreach (var table in new[] { names.Streams, names.OutboxIndex, names.TimerIndex, names.Summaries, names.Usage })
                {
                    await tables.DeleteTableAsync(table);
                }
                foreach (var queue in new[] { names.WorkQueue, names.TimerQueue })
                {
                    await queues.DeleteQueueAsync(queue);
                    await queues.DeleteQueueAsync(StorageNames.PoisonOf(queue));
                }
            }
            catch (Azure.RequestFailedException)
            {
                // Best effort: a stopped private emulator or a table never created.
            }
            catch (AggregateException)
            {
            }
        }
        await _services.DisposeAsync();
    }
}

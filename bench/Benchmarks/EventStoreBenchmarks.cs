using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Runtime;

namespace ReferenceFlow.Benchmarks;

/// <summary>
/// Events per second one worker commits: sequential commands, round-robin over a few streams, each a
/// read of head + dedupe row and one entity-group transaction. Storage is Azurite unless
/// ReferenceFlow__Storage__ConnectionString says otherwise. Read "Events/s" from the summary.
/// </summary>
[Config(typeof(EventStoreThroughputConfig))]
public class EventStoreBenchmarks
{
    public const int CommandsPerInvoke = 100;
    private const int Streams = 10;

    private ServiceProvider _services = null!;
    private DurableRuntime<EventStoreBenchState, EventStoreBenchCommand, EventStoreBenchEvent> _runtime = null!;
    private long _sequence;

    /// <summary>False: the bare event commit. True: plus one outbox row, its dispatch to the queue and removal.</summary>
    [Params(false, true)]
    public bool WithEffect { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ReferenceFlow:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
                ["ReferenceFlow:Storage:TablePrefix"] = "bench" + Guid.NewGuid().ToString("N")[..8],
            })
            .AddEnvironmentVariables()
            .Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddReferenceFlowStorage(configuration)
            .AddDurableRuntime<EventStoreBenchState, EventStoreBenchCommand, EventStoreBenchEvent, EventStoreBenchDecider>(o => o.RunWorkers = false)
            .BuildServiceProvider();
        _runtime = _services.GetRequiredService<DurableRuntime<EventStoreBenchState, EventStoreBenchCommand, EventStoreBenchEvent>>();
        _services.GetRequiredService<StorageLayout>().EnsureCreatedAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(OperationsPerInvoke = CommandsPerInvoke)]
    public async Task SequentialCommands()
    {
        for (var i = 0; i < CommandsPerInvoke; i++)
        {
            var n = Interlocked.Increment(ref _sequence);
            await _runtime.ExecuteAsync($"stream-{n % Streams}", new AddAmount(n, WithEffect), $"m-{n}", mustExist: false, CancellationToken.None);
        }
    }
}

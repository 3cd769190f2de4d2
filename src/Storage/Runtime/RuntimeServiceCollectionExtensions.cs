using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Effects;
using ReferenceFlow.Storage.Outbox;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Serialization;
using ReferenceFlow.Storage.Streams;
using ReferenceFlow.Storage.Timers;

namespace ReferenceFlow.Storage.Runtime;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// The durable runtime for one decider: <see cref="DurableRuntime{TState,TCommand,TEvent}"/>, the outbox
    /// dispatcher, the "work" and "timers" queue workers and both sweepers as hosted services.
    /// Call <c>AddReferenceFlowStorage</c> too; register an <see cref="ISummaryProjector{TState}"/> for summaries
    /// and <see cref="IEffectHandler"/>s for the effects.
    /// </summary>
    public static IServiceCollection AddDurableRuntime<TState, TCommand, TEvent, TDecider>(
        this IServiceCollection services, Action<RuntimeOptions>? configure = null)
        where TDecider : class, IDecider<TState, TCommand, TEvent>
    {
        // Bound from ReferenceFlow:Runtime when the host has configuration; code settings win.
        var options = services.AddOptions<RuntimeOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(RuntimeOptions.Section).Bind(o));
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton<IDecider<TState, TCommand, TEvent>, TDecider>();
        services.TryAddSingleton(_ => JsonCodec.For(typeof(TState), typeof(TCommand), typeof(TEvent), typeof(TDecider)));
        services.TryAddSingleton<StreamReader<TState, TCommand, TEvent>>();
        services.TryAddSingleton<TransactionBuilder<TState, TCommand, TEvent>>();
        services.TryAddSingleton<DurableRuntime<TState, TCommand, TEvent>>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<OutboxSweeper>();
        services.TryAddSingleton<FailureRecorder<TState, TCommand, TEvent>>();
        services.TryAddSingleton<WorkProcessor<TState, TCommand, TEvent>>();
        services.TryAddSingleton<TimerProcessor<TState, TCommand, TEvent>>();
        services.TryAddSingleton<TimerSweeper<TState, TCommand, TEvent>>();
        services.TryAddSingleton<ISummaryRefresher>(sp => sp.GetService<ISummaryProjector<TState>>() is { } projector
            ? new SummaryWriter<TState, TCommand, TEvent>(
                sp.GetRequiredService<StreamReader<TState, TCommand, TEvent>>(), projector, sp.GetRequiredService<Configuration.StorageLayout>())
            : NoSummaries.Instance);
        services.AddSingleton<IHostedService>(sp =>
        {
            var work = sp.GetRequiredService<WorkProcessor<TState, TCommand, TEvent>>();
            return Polling(sp, "work-queue", Pump(sp, work.Queue, work.ProcessAsync, sp.GetRequiredService<IOptions<RuntimeOptions>>().Value.WorkVisibility));
        });
        services.AddSingleton<IHostedService>(sp =>
        {
            var timers = sp.GetRequiredService<TimerProcessor<TState, TCommand, TEvent>>();
            return Polling(sp, "timer-queue", Pump(sp, timers.Queue, timers.ProcessAsync, TimeSpan.FromMinutes(1)));
        });
        services.AddSingleton<IHostedService>(sp => Sweeper(sp, "outbox-sweeper", sp.GetRequiredService<OutboxSweeper>().SweepOnceAsync, o => o.OutboxSweepInterval));
        services.AddSingleton<IHostedService>(sp => Sweeper(
            sp, "timer-sweeper", sp.GetRequiredService<TimerSweeper<TState, TCommand, TEvent>>().SweepOnceAsync, o => o.TimerSweepInterval));
        return services;
    }

    private static Func<CancellationToken, Task<int>> Pump(
        IServiceProvider sp, Queues.IMessageQueue queue, Func<Queues.QueuedMessage, CancellationToken, Task> process, TimeSpan visibility) =>
        new Queues.QueuePump(queue, process, sp.GetRequiredService<IOptions<RuntimeOptions>>().Value.Concurrency, visibility).PumpOnceAsync;

    private static PollingService Polling(IServiceProvider sp, string name, Func<CancellationToken, Task<int>> work)
    {
        var options = sp.GetRequiredService<IOptions<RuntimeOptions>>();
        return new PollingService(name, work, TimeSpan.Zero, TimeSpan.FromMilliseconds(100), options.Value.MaxIdleDelay,
            options, sp.GetRequiredService<ILogger<PollingService>>());
    }

    private static PollingService Sweeper(
        IServiceProvider sp, string name, Func<CancellationToken, Task<int>> work, Func<RuntimeOptions, TimeSpan> interval)
    {
        var options = sp.GetRequiredService<IOptions<RuntimeOptions>>();
        var every = interval(options.Value);
        return new PollingService(name, work, every, every, every, options, sp.GetRequiredService<ILogger<PollingService>>());
    }
}

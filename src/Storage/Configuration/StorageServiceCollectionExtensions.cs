using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReferenceFlow.Storage.Effects;
using ReferenceFlow.Storage.Outbox;
using ReferenceFlow.Storage.Queues;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Runtime;
using ReferenceFlow.Storage.Timers;

namespace ReferenceFlow.Storage.Configuration;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Storage clients from <c>ReferenceFlow:Storage</c>, the table/queue layout, the read models
    /// (summaries, usage) and the handler of the RecordUsage effect.
    /// </summary>
    public static IServiceCollection AddReferenceFlowStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.TryAddSingleton(sp => StorageClients.Tables(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton(sp => StorageClients.Queues(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton(sp => new StorageNames(sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix));
        services.TryAddSingleton<StorageLayout>();
        services.TryAddSingleton<IMessageQueues, AzureMessageQueues>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFaultInjector, NoFaults>();
        services.TryAddSingleton<OutboxIndex>();
        services.TryAddSingleton<TimerIndex>();
        services.TryAddSingleton<EffectCompletions>();
        services.TryAddSingleton<ISummaryReader, SummaryReader>();
        services.TryAddSingleton<IUsageReader, UsageReader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEffectHandler, UsageEffectHandler>());
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Storage.Serialization;

namespace ReferenceFlow.Storage.Configuration;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Table clients from <c>ReferenceFlow:Storage</c>, the table layout, the request history and
    /// the read models (summaries, usage).
    /// </summary>
    public static IServiceCollection AddReferenceFlowStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.TryAddSingleton(sp => StorageClients.Tables(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton(sp => new StorageNames(sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix));
        services.TryAddSingleton<StorageLayout>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => JsonCodec.For(typeof(RequestState)));
        services.TryAddSingleton<RequestStore>();
        services.TryAddSingleton<EmailSends>();
        services.TryAddSingleton<SummaryWriter>();
        services.TryAddSingleton<SummaryBackfill>();
        services.TryAddSingleton<UsageWriter>();
        services.TryAddSingleton<ISummaryReader, SummaryReader>();
        services.TryAddSingleton<IUsageReader, UsageReader>();
        services.TryAddSingleton<ContactTouches>();
        services.TryAddSingleton<ContactHolds>();
        services.TryAddSingleton<Directory.ContactChangeLog>();
        services.TryAddSingleton<ThanksLedger>();
        services.TryAddSingleton<InsightStore>();
        services.TryAddSingleton<Nominations.NominationStore>();
        services.TryAddSingleton<ProgramDays>();
        services.TryAddSingleton<Erasure.ErasureStore>();
        services.TryAddSingleton<Erasure.RequestPurge>();
        services.TryAddSingleton<People.RememberedNames>();
        return services;
    }
}

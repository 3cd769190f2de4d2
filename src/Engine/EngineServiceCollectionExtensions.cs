using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ReferenceFlow.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// The embedded engine from <c>ReferenceFlow:Engine</c> (storage from <c>ReferenceFlow:Storage</c>), running
    /// <paramref name="tasks"/> unless <see cref="EngineOptions.RunWorkers"/> is false, and a <see cref="DurableTaskClient"/>
    /// connected to it. Payloads go through <paramref name="converter"/> on both sides.
    /// </summary>
    public static IServiceCollection AddEmbeddedEngine(
        this IServiceCollection services, IConfiguration configuration,
        Action<EngineTasks> tasks, Func<IServiceProvider, DataConverter> converter)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(tasks);
        services.AddOptions<EngineOptions>().Bind(configuration.GetSection(EngineOptions.Section));
        var registered = new EngineTasks();
        tasks(registered);
        services.TryAddSingleton(registered);
        
        services.TryAddSingleton(sp => new EmbeddedEngine(
            sp.GetRequiredService<IOptions<EngineOptions>>(), sp.GetRequiredService<IOptions<Storage.Configuration.StorageOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(), sp, registered, converter(sp)));
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedEngine>());

        services.AddDurableTaskClient(b => b.UseGrpc());
        // The data converter goes on the base options: the SDK copies those onto the gRPC options after configuration.
        services.AddOptions<DurableTaskClientOptions>(Options.DefaultName).Configure<IServiceProvider>((o, sp) => o.DataConverter = converter(sp));
        services.AddOptions<GrpcDurableTaskClientOptions>(Options.DefaultName).Configure<EmbeddedEngine>((o, engine) => o.Channel = engine.Channel);
        return services;
    }
}

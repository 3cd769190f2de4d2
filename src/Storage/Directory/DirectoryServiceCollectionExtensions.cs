using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ReferenceFlow.Storage.Directory;

public static class DirectoryServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IReferenceDirectory"/> on the configured storage account.</summary>
    public static IServiceCollection AddReferenceDirectory(this IServiceCollection services, Action<ReferenceDirectoryOptions> configure)
    {
        services.Configure(configure);
        services.AddSingleton<IReferenceDirectory>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ReferenceDirectoryOptions>>().Value;
            return new TableReferenceDirectory(new TableClient(options.ConnectionString, options.TableName));
        });
        return services;
    }
}

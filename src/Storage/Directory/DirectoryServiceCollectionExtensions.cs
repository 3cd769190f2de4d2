using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReferenceFlow.Storage.Configuration;

namespace ReferenceFlow.Storage.Directory;

public static class DirectoryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IReferenceDirectory"/> in the table <c>{TablePrefix}references</c> (and its import jobs
    /// in <c>{TablePrefix}imports</c>) of the
    /// account configured under <c>ReferenceFlow:Storage</c> (bind <see cref="StorageOptions"/> first).
    /// </summary>
    public static IServiceCollection AddReferenceDirectory(this IServiceCollection services)
    {
        services.AddSingleton<IReferenceDirectory>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new TableReferenceDirectory(StorageClients.Tables(options).GetTableClient(TableName(options.TablePrefix)));
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new ImportJobStore(StorageClients.Tables(options).GetTableClient($"{options.TablePrefix}imports"));
        });
        return services;
    }

    public static string TableName(string? prefix) => $"{prefix}references";
}

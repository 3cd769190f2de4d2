using System.Text.RegularExpressions;
using Azure.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.KeyRing;

namespace ReferenceFlow.Web.Hosting;

/// <summary>
/// The Data Protection key ring (it protects the sign-in cookie, the Entra sign-in's state and every antiforgery token)
/// in the app's storage account, shared by every replica and kept across restarts; encrypted at rest with a Key Vault
/// certificate when one is configured (decision 029).
/// </summary>
public static partial class SharedKeyRing
{
    /// <summary>
    /// What every replica protects under. Without it Data Protection isolates by the content root path, which two hosts
    /// laid out differently (an image rebuilt elsewhere, a test run) do not share.
    /// </summary>
    public const string ApplicationName = "ReferenceFlow";

    public static WebApplicationBuilder AddSharedKeyRing(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(KeyRingOptions.Section);
        builder.Services.AddOptions<KeyRingOptions>().Bind(section)
            .Validate(o => o.Container is not null && ContainerName().IsMatch(o.Container),
                $"{KeyRingOptions.Section}:Container must be a blob container name: 3-63 lowercase letters, digits and single hyphens.")
            .ValidateOnStart();
        // Read now, not when the options are first asked for: Data Protection takes its certificates while the host is built.
        var certificate = section.GetValue<Uri?>(nameof(KeyRingOptions.KeyVaultCertificate));
        builder.Services.AddSharedKeyRing(certificate is null ? null : KeyRingCertificates.FromKeyVault(certificate, new DefaultAzureCredential()));
        builder.Services.AddHostedService<KeyRingStartupLog>();
        return builder;
    }

    /// <summary>The key ring in the container <see cref="KeyRingOptions.Container"/>, encrypted with <paramref name="certificates"/> when given.</summary>
    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services, KeyRingCertificates? certificates)
    {
        ArgumentNullException.ThrowIfNull(services);
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyRingOptions>();
        services.AddSingleton(sp => new BlobKeyRepository(
            StorageClients.Blobs(sp.GetRequiredService<IOptions<StorageOptions>>().Value)
                .GetBlobContainerClient(sp.GetRequiredService<IOptions<KeyRingOptions>>().Value.Container)));
        services.AddOptions<KeyManagementOptions>().Configure<BlobKeyRepository>((o, ring) => o.XmlRepository = ring);
        if (certificates is not null)
        {
            dataProtection.ProtectKeysWithCertificate(certificates.Current).UnprotectKeysWithAnyCertificate([.. certificates.All]);
            services.AddSingleton(certificates);
        }
        return services;
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ContainerName();
}

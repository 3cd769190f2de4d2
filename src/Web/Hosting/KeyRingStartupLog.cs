using Microsoft.Extensions.Options;

namespace ReferenceFlow.Web.Hosting;

/// <summary>
/// Says at start how the key ring is kept. Outside Development, keys stored unencrypted are a warning: anyone who can
/// read the container could then forge sign-in cookies.
/// </summary>
public sealed partial class KeyRingStartupLog(
    IOptions<KeyRingOptions> options,
    IHostEnvironment environment,
    ILogger<KeyRingStartupLog> logger,
    KeyRingCertificates? certificates = null) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var container = options.Value.Container;
        if (certificates is not null)
        {
            LogEncrypted(logger, container, certificates.Source, certificates.Current.Thumbprint, certificates.All.Count);
        }
        else if (!environment.IsDevelopment())
        {
            LogUnencrypted(logger, container, KeyRingOptions.Section);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Data Protection keys: blob container {Container}, encrypted with certificate {Certificate} (thumbprint {Thumbprint}; {Versions} versions can decrypt)")]
    private static partial void LogEncrypted(ILogger logger, string container, Uri certificate, string thumbprint, int versions);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Data Protection keys: blob container {Container}, stored UNENCRYPTED; set {Section}:KeyVaultCertificate to encrypt them with a Key Vault certificate")]
    private static partial void LogUnencrypted(ILogger logger, string container, string section);
}

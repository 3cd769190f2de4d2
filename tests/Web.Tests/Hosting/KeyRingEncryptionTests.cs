using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.TestSupport;
using ReferenceFlow.Web.Hosting;

namespace ReferenceFlow.Web.Tests.Hosting;

/// <summary>
/// With a certificate (in Azure, from Key Vault; here one made for the test), the keys in the container are encrypted:
/// a replica holding the certificate reads them, one without it cannot, and the blobs hold no key in the clear.
/// </summary>
public sealed class KeyRingEncryptionTests : IAsyncLifetime, IDisposable
{
    private readonly string _container = "keyring-" + Guid.NewGuid().ToString("N");
    private readonly X509Certificate2 _certificate = SelfSigned();
    private readonly List<ServiceProvider> _replicas = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas) await replica.DisposeAsync();
        await new BlobServiceClient(AzuriteInstance.SharedConnectionString).GetBlobContainerClient(_container).DeleteIfExistsAsync();
    }

    public void Dispose() => _certificate.Dispose();

    [Fact]
    public async Task KeysAreEncryptedWithTheCertificateAndOnlyAReplicaHoldingItReadsThem()
    {
        var certificates = new KeyRingCertificates(new Uri("https://vault.example/certificates/keyring"), _certificate, [_certificate]);
        var protectedText = Protector(certificates).Protect("signed in");

        var stored = await StoredKeysAsync();

        Assert.Equal("signed in", Protector(certificates).Unprotect(protectedText));
        Assert.ThrowsAny<CryptographicException>(() => Protector(certificates: null).Unprotect(protectedText));
        Assert.NotEmpty(stored);
        Assert.All(stored, key =>
        {
            Assert.Contains("EncryptedXmlDecryptor", key, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
        });
    }

    /// <summary>A replica of its own: its own services, the same storage container.</summary>
    private IDataProtector Protector(KeyRingCertificates? certificates)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReferenceFlow:Storage:ConnectionString"] = AzuriteInstance.SharedConnectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddReferenceFlowStorage(configuration);
        services.Configure<KeyRingOptions>(o => o.Container = _container);
        var replica = services.AddSharedKeyRing(certificates).BuildServiceProvider();
        _replicas.Add(replica);
        return replica.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
    }

    private async Task<List<string>> StoredKeysAsync()
    {
        var container = new BlobServiceClient(AzuriteInstance.SharedConnectionString).GetBlobContainerClient(_container);
        var keys = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            keys.Add((await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
        }
        return keys;
    }

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ReferenceFlow key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}

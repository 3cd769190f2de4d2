using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Security.KeyVault.Certificates;

namespace ReferenceFlow.Web.Hosting;

/// <summary>
/// The certificate that encrypts the key ring at rest. Its current version encrypts new keys; every enabled version
/// decrypts, so the keys written before Key Vault renewed the certificate still open after it.
/// </summary>
public sealed record KeyRingCertificates(Uri Source, X509Certificate2 Current, IReadOnlyList<X509Certificate2> All)
{
    /// <summary>
    /// Downloads the certificate's versions with their private keys (the identity needs Key Vault Certificate User).
    /// Synchronous on purpose: it runs once while the host is built, and Data Protection takes certificates there.
    /// </summary>
    public static KeyRingCertificates FromKeyVault(Uri certificate, TokenCredential credential)
    {
        var id = new KeyVaultCertificateIdentifier(certificate);
        var client = new CertificateClient(id.VaultUri, credential);
        var current = client.DownloadCertificate(id.Name, id.Version).Value;
        var older = client.GetPropertiesOfCertificateVersions(id.Name)
            .Where(v => v.Enabled == true && v.X509Thumbprint is not null && !v.X509Thumbprint.AsSpan().SequenceEqual(current.GetCertHash()))
            .Select(v => client.DownloadCertificate(v.Name, v.Version).Value);
        return new KeyRingCertificates(certificate, current, [current, .. older]);
    }
}

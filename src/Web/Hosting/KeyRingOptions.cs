namespace ReferenceFlow.Web.Hosting;

/// <summary>Section <c>ReferenceFlow:DataProtection</c>: the Data Protection key ring every replica shares.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "ReferenceFlow:DataProtection";

    /// <summary>The blob container, in the app's storage account (<c>ReferenceFlow:Storage</c>), that holds the key ring.</summary>
    public string Container { get; set; } = "dataprotection";

    /// <summary>
    /// A Key Vault certificate, <c>https://{vault}.vault.azure.net/certificates/{name}</c>, whose key encrypts the keys at
    /// rest. Unset: the keys are stored unencrypted (local runs and tests; a warning outside Development).
    /// </summary>
    public Uri? KeyVaultCertificate { get; set; }
}

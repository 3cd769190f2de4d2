using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ReferenceFlow.Storage.KeyRing;

/// <summary>
/// The ASP.NET Core Data Protection key ring in one blob container that every replica reads and writes, so a cookie or
/// a form token protected on one replica is read on another, and after a restart.
/// </summary>
/// <remarks>
/// One blob per element (a key, a revocation), not one blob for the whole ring: Data Protection writes an element once
/// and never changes it, so two replicas creating keys at the same moment write two different blobs and neither can
/// lose the other's key. There is no read-modify-write to guard with ETags and no retry loop. Reading costs a listing
/// and one small download per element; a ring gains a key every 90 days.
/// <see cref="IXmlRepository"/> is synchronous, so this uses the SDK's synchronous calls rather than blocking on async
/// ones; Data Protection reads the ring at start and then about once a day.
/// </remarks>
public sealed class BlobKeyRepository(BlobContainerClient container) : IXmlRepository
{
    private const string Extension = ".xml";
    private readonly Lock _createLock = new();
    private volatile bool _created;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureContainer();
        var elements = new List<XElement>();
        foreach (var item in container.GetBlobs())
        {
            if (!item.Name.EndsWith(Extension, StringComparison.Ordinal)) continue;
            try
            {
                using var content = container.GetBlobClient(item.Name).DownloadContent().Value.Content.ToStream();
                elements.Add(XElement.Load(content));
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Deleted between the listing and the read (an operator cleaning up): it is no longer part of the ring.
            }
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentException.ThrowIfNullOrWhiteSpace(friendlyName);
        EnsureContainer();
        var content = BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting));
        if (TryCreate(friendlyName, content)) return;
        // Another element already has this name (keys are named by a fresh GUID; two revocations in the same tick are
        // the only way): keep both rather than replace the other.
        if (!TryCreate($"{friendlyName}-{Guid.NewGuid():N}", content))
        {
            throw new InvalidOperationException($"The key ring element '{friendlyName}' could not be stored under a name of its own.");
        }
    }

    /// <summary>Creates the blob only if no blob has its name; true when it now holds this element.</summary>
    private bool TryCreate(string name, BinaryData content)
    {
        var blob = container.GetBlobClient(name + Extension);
        try
        {
            blob.Upload(content, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } });
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // The name is taken. When the SDK retried our own write after its first try reached storage, the blob holds
            // this very element and the write is done.
            return blob.DownloadContent().Value.Content.ToString() == content.ToString();
        }
    }

    private void EnsureContainer()
    {
        if (_created) return;
        lock (_createLock)
        {
            if (_created) return;
            container.CreateIfNotExists();
            _created = true;
        }
    }
}

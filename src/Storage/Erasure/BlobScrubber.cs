using System.IO.Compression;
using System.Text;
using Azure;
using Azure.Storage.Blobs;

namespace ReferenceFlow.Storage.Erasure;

/// <summary>
/// Rewrites every blob of a container that holds a person's data. The workflow engine keeps messages too large for a
/// table row or a queue there, gzipped; they are read unzipped and written back zipped as they were.
/// </summary>
public static class BlobScrubber
{
    public static async Task<int> ScrubAsync(BlobContainerClient container, PersonalData person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(person);
        var rewritten = 0;
        try
        {
            await foreach (var item in container.GetBlobsAsync(cancellationToken: ct).ConfigureAwait(false))
            {
                var blob = container.GetBlobClient(item.Name);
                var content = (await blob.DownloadContentAsync(ct).ConfigureAwait(false)).Value.Content.ToArray();
                var zipped = IsGzip(content);
                var text = Encoding.UTF8.GetString(zipped ? Unzip(content) : content);
                var replaced = person.Replace(text);
                if (ReferenceEquals(replaced, text)) continue;
                var bytes = Encoding.UTF8.GetBytes(replaced);
                await blob.UploadAsync(new BinaryData(zipped ? Zip(bytes) : bytes), overwrite: true, ct).ConfigureAwait(false);
                rewritten++;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No such container: the engine never needed one.
        }
        return rewritten;
    }

    public static bool IsGzip(byte[] content) => content is [0x1f, 0x8b, ..];

    public static byte[] Unzip(byte[] content)
    {
        using var input = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Zip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var zip = new GZipStream(output, CompressionLevel.Optimal))
        {
            zip.Write(content);
        }
        return output.ToArray();
    }
}

using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Web.Tests.Erasure;

/// <summary>
/// Reads every table and blob container of one test app (its table prefix, and its task hub, which starts with it) and
/// answers where any of the given values is still written: as typed, in any case, or escaped as JSON writes it.
/// </summary>
public static class StorageScan
{
    public static async Task<List<string>> FindAsync(string prefix, params string[] values)
    {
        var forms = values.SelectMany(v => new[] { v, JsonEncodedText.Encode(v).Value, Uri.EscapeDataString(v) }).Distinct().ToList();
        var found = new List<string>();
        var service = new TableServiceClient(AzuriteInstance.SharedConnectionString);
        var tables = 0;
        await foreach (var table in service.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "{"}")))
        {
            tables++;
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                foreach (var (column, value) in row)
                {
                    if (value is string text && forms.FirstOrDefault(f => text.Contains(f, StringComparison.OrdinalIgnoreCase)) is { } hit)
                    {
                        found.Add($"table {table.Name}, row {row.PartitionKey}/{row.RowKey}, column {column}: {hit}");
                    }
                }
            }
        }
        Assert.True(tables >= 12, $"Only {tables} tables start with {prefix}: the scan would not prove much.");
        var blobs = new BlobServiceClient(AzuriteInstance.SharedConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: prefix.ToLowerInvariant()))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var item in client.GetBlobsAsync())
            {
                var bytes = (await client.GetBlobClient(item.Name).DownloadContentAsync()).Value.Content.ToArray();
                var text = Encoding.UTF8.GetString(bytes is [0x1f, 0x8b, ..] ? Unzip(bytes) : bytes);
                if (forms.FirstOrDefault(f => text.Contains(f, StringComparison.OrdinalIgnoreCase)) is { } hit) found.Add($"blob {container.Name}/{item.Name}: {hit}");
            }
        }
        return found;
    }

    private static byte[] Unzip(byte[] content)
    {
        using var input = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}

using System.Text;
using Azure.Data.Tables;

namespace ReferenceFlow.Storage.Directory;

/// <summary>Account rows grouped into table transactions the service accepts: at most 100 rows, and well under 4 MiB.</summary>
internal static class AccountTransactions
{
    private const int RowsPerTransaction = 100;
    // Of documents: each is JSON inside the request's JSON, its quotes escaped, so the request is about a third larger; the table service refuses more than 4 MiB.
    private const long BytesPerTransaction = 2_000_000;

    public static IEnumerable<List<TableEntity>> Chunks(IEnumerable<TableEntity> rows)
    {
        var chunk = new List<TableEntity>();
        long bytes = 0;
        foreach (var row in rows)
        {
            var size = Encoding.UTF8.GetByteCount(row.GetString("Document"));
            if (chunk.Count == RowsPerTransaction || (chunk.Count > 0 && bytes + size > BytesPerTransaction))
            {
                yield return chunk;
                chunk = [];
                bytes = 0;
            }
            chunk.Add(row);
            bytes += size;
        }
        if (chunk.Count > 0) yield return chunk;
    }
}

using System.Diagnostics;
using Azure.Storage.Queues;

namespace ReferenceFlow.Bench.SubmitLoad;

/// <summary>
/// How long storage takes to answer a receive on an empty queue of the bench's own while the engine's messages wait in
/// others: each open request keeps an invisible timer message in a control queue, and every poll of the engine is such a
/// receive. Azurite keeps every queue's messages in one collection and reads it through on each receive, so this grows
/// with the open requests there; a storage account's queues do not share that work.
/// </summary>
internal static class QueueProbe
{
    public static async Task<double> EmptyReceiveMsAsync(string connection, string prefix)
    {
        var queue = new QueueServiceClient(connection).GetQueueClient(prefix + "probe" + Guid.NewGuid().ToString("N")[..6]);
        await queue.CreateAsync();
        try
        {
            for (var i = 0; i < 5; i++) await queue.ReceiveMessagesAsync(32);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 50; i++) await queue.ReceiveMessagesAsync(32);
            return watch.Elapsed.TotalMilliseconds / 50;
        }
        finally
        {
            await queue.DeleteAsync();
        }
    }
}

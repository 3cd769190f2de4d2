using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Storage.Tests.Support;

/// <summary>The methods of the storage calls made through a layout over a test's tables, in order.</summary>
public sealed class CountedCalls : HttpPipelineSynchronousPolicy
{
    private readonly List<string> _methods = [];

    /// <summary>A layout over <paramref name="storage"/>'s tables, created already, whose calls from now on are counted.</summary>
    public static async Task<(StorageLayout Layout, CountedCalls Calls)> OverAsync(TestStorage storage)
    {
        var calls = new CountedCalls();
        var options = new TableClientOptions();
        options.AddPolicy(calls, HttpPipelinePosition.PerCall);
        var layout = new StorageLayout(new TableServiceClient(AzuriteInstance.SharedConnectionString, options), storage.Layout.Names);
        await layout.EnsureCreatedAsync(CancellationToken.None);
        calls.Clear();
        return (layout, calls);
    }

    public IReadOnlyList<string> Methods
    {
        get
        {
            lock (_methods) return [.. _methods];
        }
    }

    public void Clear()
    {
        lock (_methods) _methods.Clear();
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_methods) _methods.Add(message.Request.Method.Method);
    }
}

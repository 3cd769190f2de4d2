using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.ApiContract.Support;

/// <summary>Reads a request's recorded state from the app's workflow service; commands take effect a moment after they are accepted.</summary>
public static class RequestStates
{
    public static async Task<RequestSnapshot> LoadAsync(IServiceProvider services, string id) =>
        await services.GetRequiredService<RequestWorkflow>().LoadAsync(id, CancellationToken.None)
        ?? throw new InvalidOperationException($"Request {id} does not exist.");

    /// <summary>Polls until the recorded state satisfies <paramref name="until"/>, within a bounded time.</summary>
    public static async Task<RequestSnapshot> WaitAsync(IServiceProvider services, string id, Func<RequestSnapshot, bool> until, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(until);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var snapshot = await LoadAsync(services, id);
            if (snapshot.Version > 0 && until(snapshot)) return snapshot;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Request {id} stayed {snapshot.State.Status} at version {snapshot.Version}.");
            await Task.Delay(100);
        }
    }
}

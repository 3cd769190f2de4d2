using Microsoft.Extensions.Hosting;

namespace ReferenceFlow.Engine;

/// <summary>The engine's inner host starts and stops with the app's host; it must not react to Ctrl+C or SIGTERM itself.</summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ReferenceFlow.Engine.Tests;

/// <summary>The engine on Azurite: client, worker and task hub, one replica or two sharing the hub.</summary>
public sealed class EmbeddedEngineTests
{
    private static string NewHub() => "e" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task AnOrchestrationWaitsForItsEventAndRunsAnActivityWithServices()
    {
        using var host = await EngineHost.StartAsync(NewHub(), runWorkers: true, workerId: "one");
        var client = host.Client();

        var id = await client.ScheduleNewOrchestrationInstanceAsync("EchoOrchestrator", "hello");
        await client.WaitForInstanceStartAsync(id);
        await client.RaiseEventAsync(id, "Go", "world");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("HELLO:WORLD!", done.ReadOutputAs<string>());
        await host.StopAsync();
    }

    [Fact]
    public async Task AClientOnlyReplicaStartsWhatAWorkerReplicaOnTheSameTaskHubRuns()
    {
        var hub = NewHub();
        using var clientOnly = await EngineHost.StartAsync(hub, runWorkers: false, workerId: "ui");
        var id = await clientOnly.Client().ScheduleNewOrchestrationInstanceAsync("EchoOrchestrator", "queued");
        await clientOnly.Client().RaiseEventAsync(id, "Go", "later");
        await Task.Delay(2000);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await clientOnly.Client().GetInstanceAsync(id))!.RuntimeStatus);
        Assert.False(clientOnly.Services.GetRequiredService<EmbeddedEngine>().WorkerRunning);

        using var worker = await EngineHost.StartAsync(hub, runWorkers: true, workerId: "worker");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await clientOnly.Client().WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal("QUEUED:LATER!", done.ReadOutputAs<string>());
        await worker.StopAsync();
        await clientOnly.StopAsync();
    }

    [Fact]
    public void AnOrchestratorThatAsksForServicesIsRefusedAtRegistration()
    {
        var error = Assert.Throws<ArgumentException>(() => new EngineTasks().AddOrchestrator(typeof(NeedsServices)));
        Assert.Contains("parameterless", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new EngineTasks().AddActivity(typeof(EchoOrchestrator)));
    }
}

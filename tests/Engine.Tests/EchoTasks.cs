using Microsoft.DurableTask;

namespace ReferenceFlow.Engine.Tests;

/// <summary>Waits for one "Go" event, then calls an activity with what it carried.</summary>
[DurableTask("EchoOrchestrator")]
public sealed class EchoOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var go = await context.WaitForExternalEvent<string>("Go");
        return await context.CallActivityAsync<string>("Shout", $"{input}:{go}");
    }
}

/// <summary>An activity with a service from the app's container.</summary>
[DurableTask("Shout")]
public sealed class ShoutActivity(Suffix suffix) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) =>
        Task.FromResult(input.ToUpperInvariant() + suffix.Value);
}

public sealed record Suffix(string Value);

/// <summary>Orchestrators take no services: the engine refuses one that asks for them.</summary>
public sealed class NeedsServices(Suffix suffix) : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) => Task.FromResult(input + suffix.Value);
}

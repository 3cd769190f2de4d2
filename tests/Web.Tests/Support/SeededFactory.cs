using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.Web.Tests.Support;

/// <summary>The Web host with the contracts' directory seeded once per test class.</summary>
public sealed class SeededFactory : ReferenceFlowFactory, IAsyncLifetime
{
    public Task InitializeAsync() => SeededDirectory.SeedAsync(this);

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

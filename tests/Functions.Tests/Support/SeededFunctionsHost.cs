using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.Functions.Tests.Support;

/// <summary>The Functions app with the contracts' directory seeded once per test class.</summary>
public sealed class SeededFunctionsHost : FunctionsApiHost
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SeededDirectory.SeedAsync(this);
    }
}

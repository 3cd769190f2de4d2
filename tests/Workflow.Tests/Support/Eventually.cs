namespace ReferenceFlow.Workflow.Tests.Support;

public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds, or fails after the timeout.</summary>
    public static Task HoldsAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return HoldsAsync(() => Task.FromResult(condition()), timeout);
    }

    /// <summary>Polls <paramref name="condition"/>, which reads something, until it holds, or fails after the timeout.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("The condition did not hold within the timeout.");
            await Task.Delay(100);
        }
    }
}

namespace ReferenceFlow.WorkflowBench;

// Waiting, bounded by --timeout-s: for emails, for a request's state, and for the engine to settle.
internal sealed partial class Legs
{
    /// <summary>
    /// Waits until the engine does nothing but poll for a quiet window (twice its polling interval and a half second).
    /// A leg's last email is not the end of its work: the submitter writes the owner's ask itself before the orchestration's
    /// first episode has run, and an activity writes its email before its episode is completed. Counting until the engine
    /// settles charges each request with all it caused.
    /// </summary>
    private async Task SettleAsync(string what)
    {
        var quiet = TimeSpan.FromMilliseconds((2 * o.PollMs) + 500);
        var deadline = DateTime.UtcNow + o.Timeout;
        while (true)
        {
            var before = http.Now;
            await Task.Delay(quiet);
            if (!(http.Now - before).Workflow.ByCall.Keys.Any(IsWork)) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {o.TimeoutSeconds} s for {what} to settle.");
        }
    }

    /// <summary>The engine polling its queues and keeping its partition leases is idle; anything else is work.</summary>
    private static bool IsWork(HttpCall call) => !(call.Who == HttpCounter.Engine
        && (call is { Service: "queue", Method: "GET" }
            || call.Resource.Contains("lease", StringComparison.OrdinalIgnoreCase)
            || call.Resource.EndsWith("partitions", StringComparison.OrdinalIgnoreCase)));

    private async Task UntilAsync(string what, Func<bool> done, Task work)
    {
        var deadline = DateTime.UtcNow + o.Timeout;
        while (!done())
        {
            if (work.IsFaulted) await work;
            await PauseAsync(deadline, what);
        }
    }

    private async Task PauseAsync(DateTime deadline, string what, int ms = 50)
    {
        if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {o.TimeoutSeconds} s for {what}.");
        await Task.Delay(ms);
    }

    private static double Median(double[] values) => values.Order().ElementAt((values.Length - 1) / 2);
}

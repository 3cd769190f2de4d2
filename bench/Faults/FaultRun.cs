using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.Bench.Faults;

/// <summary>What one run found: the faults injected, the verdict on every request, the flood, command latencies.</summary>
internal sealed record FaultReport(
    FaultPlan Plan, IReadOnlyList<Fault> Faults, Verdict Verdict, int FloodSent, IReadOnlyList<string> ServerErrors,
    (int Answers, int WithoutRetryAfter) OutageAnswers, (int Answers, int WithoutRetryAfter) RateLimited, int CalendarRefusals, IReadOnlyList<Timing> Commands, TimeSpan Took)
{
    public bool Passed => Verdict.Passed && ServerErrors.Count == 0 && OutageAnswers.WithoutRetryAfter == 0 && RateLimited.WithoutRetryAfter == 0;
}

/// <summary>
/// One run of the fault suite: start the rig, seed the directory, play every request's script while the faults
/// happen, let the product settle, click every used link once more, and check the invariants.
/// </summary>
internal static class FaultRun
{
    /// <summary>The rig's stalled-retry time (20 s) and the activity's retries after it, with room to spare.</summary>
    private static readonly TimeSpan EmailRetryWait = TimeSpan.FromSeconds(45);

    public static async Task<FaultReport> RunAsync(FaultPlan plan, string logs, Action<string> progress)
    {
        Directory.CreateDirectory(logs);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        progress("starting Azurite, maildev, the calendar feeds and the host");
        await using var rig = await Rig.StartAsync(plan, logs);
        var faults = new FaultLog();
        using var product = new Product(rig, faults);
        await using var mail = new MailLog(rig.Mail);
        mail.Start();
        using (var pm = new HttpClient { BaseAddress = rig.Main.BaseAddress })
        {
            pm.DefaultRequestHeaders.Add("X-Api-Key", Keys.ProgramManager);
            await TestDirectory.SeedAsync(pm, plan.Accounts);
        }

        var driven = RequestScript.Draw(plan.Requests, plan.Seed).Select(s => new DrivenRequest(s)).ToList();
        var driver = new RequestDriver(product, mail);
        var flood = new Flood(product, plan);
        var problems = new List<string>();
        var start = DateTimeOffset.UtcNow;
        var deadline = start + plan.FaultWindow + plan.Drain;
        progress($"driving {plan.Requests} requests; faults over {plan.FaultWindow.TotalSeconds:0} s, then up to {plan.Drain.TotalSeconds:0} s to settle");
        var chaos = new Chaos(rig, plan, faults, flood, mail, problems).RunAsync(start);
        using var gate = new SemaphoreSlim(plan.Concurrency);
        var requests = driven.Select(async (request, i) =>
        {
            // Submissions spread over the first part of the window, so faults meet requests at every step.
            await Task.Delay(plan.FaultWindow * 0.6 * i / Math.Max(1, plan.Requests));
            await gate.WaitAsync();
            try
            {
                await driver.DriveAsync(request, deadline);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var reporting = ReportProgressAsync(driven, faults, progress, Task.WhenAll(requests));
        await Task.WhenAll(requests);
        await chaos;
        await reporting;
        if (!rig.Main.IsRunning) await rig.Main.StartAsync();

        progress("clicking every used link once more, late");
        foreach (var request in driven) await driver.ClickLateAsync(request);
        await Task.Delay(TimeSpan.FromSeconds(5)); // anything sent twice or late has reached maildev by now
        await mail.CatchUpAsync();
        var verdict = await Verdict.CheckAsync(driven, product, mail, faults.All);
        // A request can end while one of its emails waits to go again: a send refused in an SMTP outage is retried when the
        // request's stalled-retry timer fires (20 s here, then the activity's retries), which may be after its last step.
        // Give such an email that long before calling it lost.
        for (var waited = TimeSpan.Zero; verdict.EmailsLost.Count > 0 && waited < EmailRetryWait; waited += TimeSpan.FromSeconds(5))
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            await mail.CatchUpAsync();
            verdict = await Verdict.CheckAsync(driven, product, mail, faults.All);
        }
        verdict.Problems.AddRange(problems);
        return new FaultReport(plan, faults.All, verdict, flood.Sent, product.ServerErrors, product.OutageAnswers, product.RateLimited,
            rig.Calendar.Failures, product.Commands.ToList(), clock.Elapsed);
    }

    private static async Task ReportProgressAsync(IReadOnlyList<DrivenRequest> driven, FaultLog faults, Action<string> progress, Task done)
    {
        while (await Task.WhenAny(done, Task.Delay(TimeSpan.FromSeconds(15))) != done)
        {
            var ended = driven.Count(d => d.Ended);
            var states = string.Join(", ", driven.Where(d => !d.Ended).GroupBy(d => d.State ?? "not submitted").Select(g => $"{g.Key} {g.Count()}"));
            progress($"{ended}/{driven.Count} ended; {faults.All.Count} faults so far; open: {states}");
        }
    }
}

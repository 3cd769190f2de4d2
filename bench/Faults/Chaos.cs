using System.Net;

namespace ReferenceFlow.Bench.Faults;

/// <summary>
/// Breaks the product at seeded random moments across the fault window, each kind of fault on its own timeline (so
/// they may overlap, as real ones do), and records what broke, for how long, and how soon the product answered again.
/// </summary>
internal sealed class Chaos(Rig rig, FaultPlan plan, FaultLog log, Flood flood, MailLog mail, List<string> problems)
{
    /// <summary>Counts the main host's kills and restarts: odd while it is down or starting again.</summary>
    private int _hostChanges;

    public Task RunAsync(DateTimeOffset start)
    {
        var random = new Random(plan.Seed + 1);
        var window = plan.FaultWindow;
        return Task.WhenAll(
            Timeline(random, start, window, plan.Kills, KillMainAsync),
            Timeline(random, start, window, plan.Replicas, ReplicaAsync),
            Timeline(random, start, window, plan.StorageOutages, StorageOutageAsync),
            Timeline(random, start, window, plan.MailOutages, MailOutageAsync),
            Timeline(random, start, window, plan.CalendarOutages, CalendarOutageAsync),
            Timeline(random, start, window, 1, () => flood.RunAsync(plan.Flood)));
    }

    /// <summary>Runs <paramref name="fault"/> <paramref name="times"/> times at sorted random moments of the window, one after another.</summary>
    private static async Task Timeline(Random random, DateTimeOffset start, TimeSpan window, int times, Func<Task> fault)
    {
        var moments = Enumerable.Range(0, times).Select(_ => start + window * random.NextDouble()).Order().ToList();
        foreach (var moment in moments)
        {
            var wait = moment - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            await fault();
        }
    }

    private Task KillMainAsync() => log.InjectAsync("kill -9 of the host, then a restart", async () =>
    {
        Interlocked.Increment(ref _hostChanges);
        try
        {
            await rig.Main.KillAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
            await rig.Main.StartAsync();
        }
        finally
        {
            Interlocked.Increment(ref _hostChanges);
        }
    }, () => ReadyAsync(rig.Main.BaseAddress));

    /// <summary>A second host joins the task hub, takes partitions and work, and is killed in the middle of it.</summary>
    private Task ReplicaAsync() => log.InjectAsync("a second host started, then killed -9", async () =>
    {
        await rig.Replica.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(15));
        await rig.Replica.KillAsync();
    }, () => ReadyAsync(rig.Main.BaseAddress));

    private Task StorageOutageAsync() => log.InjectAsync($"storage stopped for {plan.StorageOutage.TotalSeconds:0} s", async () =>
    {
        await rig.Storage.StopAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            await ProbeOutageAnswersAsync();
            var rest = plan.StorageOutage - TimeSpan.FromSeconds(3);
            if (rest > TimeSpan.Zero) await Task.Delay(rest);
        }
        finally
        {
            // Whatever the probe met, storage comes back: an outage that never ended once stopped a whole run.
            await rig.Storage.StartAsync();
        }
    }, () => ReadyAsync(rig.Main.BaseAddress));

    private Task MailOutageAsync() => log.InjectAsync($"SMTP refusing for {plan.MailOutage.TotalSeconds:0} s, then 421 for as long", async () =>
    {
        rig.Smtp.Close();
        await Task.Delay(plan.MailOutage);
        rig.Smtp.AnswerAndHangUp("421 4.3.2 Service not available, try again later");
        await Task.Delay(plan.MailOutage);
        rig.Smtp.Open();
    }, () => Task.FromResult(true));

    private Task CalendarOutageAsync() => log.InjectAsync($"calendar 429 for {plan.CalendarOutage.TotalSeconds:0} s, then 503 for as long", async () =>
    {
        rig.Calendar.Mode = CalendarMode.Throttling;
        await Task.Delay(plan.CalendarOutage);
        rig.Calendar.Mode = CalendarMode.Failing;
        await Task.Delay(plan.CalendarOutage);
        rig.Calendar.Mode = CalendarMode.Answering;
    }, () => Task.FromResult(true));

    /// <summary>While storage is down, the API says so with 503 and Retry-After, and a page says so in words.</summary>
    private async Task ProbeOutageAnswersAsync()
    {
        // A host being killed or started again has no answer to give; how it starts during an outage is
        // StartDuringOutageTests' question. A kill that lands during the probe likewise explains a lost connection.
        var hostChanges = Volatile.Read(ref _hostChanges);
        if (hostChanges % 2 == 1 || !rig.Main.IsRunning) return;
        using var http = new HttpClient { BaseAddress = rig.Main.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var api = new HttpRequestMessage(HttpMethod.Get, "api/requests");
            api.Headers.Add("X-Api-Key", ApiContract.Support.Keys.Rep);
            using var apiAnswer = await http.SendAsync(api);
            if (apiAnswer.StatusCode != HttpStatusCode.ServiceUnavailable || apiAnswer.Headers.RetryAfter is null)
            {
                Report($"during the storage outage the API answered {(int)apiAnswer.StatusCode}{(apiAnswer.Headers.RetryAfter is null ? " without Retry-After" : "")}");
            }
            // A link from a real email: its page reads the request from storage.
            var token = mail.All.Select(m => m.ActionToken).FirstOrDefault(t => t is not null) ?? "no-link-yet";
            using var pageAnswer = await http.GetAsync(new Uri($"actions/{token}", UriKind.Relative));
            var page = await pageAnswer.Content.ReadAsStringAsync();
            if ((int)pageAnswer.StatusCode >= 500 && (pageAnswer.StatusCode != HttpStatusCode.ServiceUnavailable || !page.Contains("<html", StringComparison.OrdinalIgnoreCase)))
            {
                Report($"during the storage outage a page answered {(int)pageAnswer.StatusCode} without a friendly page");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // A host killed or started during the probe explains a lost connection; otherwise the host owed an answer.
            if (Volatile.Read(ref _hostChanges) == hostChanges) Report($"during the storage outage the host did not answer at all: {e.Message}");
        }
    }

    private void Report(string problem)
    {
        lock (problems) problems.Add(problem);
    }

    private static async Task<bool> ReadyAsync(Uri host)
    {
        using var http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return (await http.GetAsync(new Uri("health/ready", UriKind.Relative))).IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}

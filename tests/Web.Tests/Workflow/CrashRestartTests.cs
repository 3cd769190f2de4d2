using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MimeKit;
using ReferenceFlow.TestSupport;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Workflow;

/// <summary>
/// The process running the engine is killed with SIGKILL while requests wait on an approval, on a
/// timer, and with their first activity in flight; after a restart every request goes on, no email is
/// lost and none reaches its recipient twice (counted at a real SMTP server by Message-ID).
/// </summary>
public sealed class CrashRestartTests : IAsyncLifetime
{
    private readonly MailDevInstance _mail = new();
    private TcpGate _smtp = null!;
    private AppProcess _app = null!;

    public async Task InitializeAsync()
    {
        await _mail.StartAsync();
        _smtp = new TcpGate(_mail.SmtpPort);
        _smtp.Open();
        var prefix = "k" + Guid.NewGuid().ToString("N")[..10];
        _app = new AppProcess(new Dictionary<string, string>
        {
            ["ReferenceFlow__Storage__ConnectionString"] = AzuriteInstance.SharedConnectionString,
            ["ReferenceFlow__Storage__TablePrefix"] = prefix,
            ["ReferenceFlow__Engine__TaskHub"] = prefix + "hub",
            ["ReferenceFlow__Engine__PartitionCount"] = "1",
            // The same id after the restart, as a replica keeps its name: it takes its lease back at once.
            ["ReferenceFlow__Engine__WorkerId"] = "crash-test",
            ["ReferenceFlow__Engine__MaxQueuePollingInterval"] = "00:00:00.500",
            ["ReferenceFlow__Engine__ControlQueueVisibilityTimeout"] = "00:00:10",
            ["ReferenceFlow__Engine__WorkItemQueueVisibilityTimeout"] = "00:00:10",
            ["ReferenceFlow__Email__Mode"] = "Smtp",
            ["ReferenceFlow__Email__Smtp__Host"] = "127.0.0.1",
            ["ReferenceFlow__Email__Smtp__Port"] = $"{_smtp.Port}",
            ["ReferenceFlow__Email__Smtp__Security"] = "None",
            ["ReferenceFlow__Seed__DemoData"] = "false",
            // A send the kill interrupted lapses soon, so the test need not wait minutes; the SMTP retries here fail at once
            // (connection refused), well inside the lease.
            ["ReferenceFlow__Workflow__EmailClaimLease"] = "00:00:15",
            ["ReferenceFlow__Policy__UseBusinessHours"] = "false",
            ["ReferenceFlow__Policy__OwnerReminderAfter"] = "00:00:20",
            ["ReferenceFlow__Policy__OwnerEscalateAfter"] = "01:00:00",
            ["ReferenceFlow__Policy__OwnerApprovalTimeout"] = "02:00:00",
        });
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
        await _mail.DisposeAsync();
    }

    [Fact]
    public async Task AfterAKillAndARestartEveryRequestGoesOnAndEachEmailArrivesOnce()
    {
        using (var pm = _app.ClientFor(Keys.ProgramManager)) await TestDirectory.SeedAsync(pm, accounts: 8);
        var awaitingApproval = new[] { await SubmitAsync("OPP-APPROVE-1"), await SubmitAsync("OPP-APPROVE-2") };
        var awaitingTimer = new[] { await SubmitAsync("OPP-TIMER-1"), await SubmitAsync("OPP-TIMER-2") };
        foreach (var id in awaitingApproval.Concat(awaitingTimer)) await WaitForAsync(id, "OwnerApproval");

        // The mail server refuses connections while two more are submitted: their submitter has written the history
        // and is retrying the owner's email when the process dies, holding the email's claim; the request's confirmation
        // sends it once the claim lapses. (A kill in the instant between the server accepting a message and the run
        // recording it sent would send it again, identically: at-least-once, decision 005. This arranges the kill
        // outside that instant so the count is exact.)
        _smtp.Close();
        var inFlight = new[] { await SubmitAsync("OPP-INFLIGHT-1"), await SubmitAsync("OPP-INFLIGHT-2") };
        using (var rep = _app.ClientFor(Keys.Rep))
        {
            foreach (var id in inFlight) await TestDirectory.WaitAsync(rep, id, v => v["history"]!.AsArray().Count >= 2);
        }
        await _app.KillAsync();
        _smtp.Open();
        await _app.StartAsync();

        foreach (var id in awaitingApproval)
        {
            var ask = await WaitForAsync(id, "OwnerApproval");
            using var browser = new HttpClient { BaseAddress = _app.BaseAddress };
            var answer = await browser.PostAsync(new Uri($"actions/{Outbox.ActionToken(ask)}", UriKind.Relative),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve" }));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
        foreach (var id in awaitingApproval) await WaitForAsync(id, "ReferenceConsent");
        foreach (var id in awaitingTimer) await WaitForAsync(id, "OwnerReminder", TimeSpan.FromSeconds(60));
        foreach (var id in inFlight) await WaitForAsync(id, "OwnerApproval");

        await Task.Delay(TimeSpan.FromSeconds(3)); // anything sent twice would have arrived by now
        var all = await AllAsync();
        var twice = all.GroupBy(m => (m.MessageId, To: m.To.Mailboxes.First().Address)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(twice);
        Assert.Equal(6, all.Count(m => Kind(m) == "OwnerApproval"));
        Assert.Equal(2, all.Count(m => Kind(m) == "ReferenceConsent"));
    }

    private async Task<string> SubmitAsync(string crmId)
    {
        using var rep = _app.ClientFor(Keys.Rep);
        var response = await rep.PostAsJsonAsync(new Uri("api/requests", UriKind.Relative), Samples.Intake(crmId: crmId));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private async Task<MimeMessage> WaitForAsync(string requestId, string kind, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(45));
        while (true)
        {
            var found = (await AllAsync()).FirstOrDefault(m => m.Headers["X-ReferenceFlow-Request"] == requestId && Kind(m) == kind);
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {kind} for {requestId} reached the SMTP server.");
            await Task.Delay(500);
        }
    }

    private async Task<IReadOnlyList<MimeMessage>> AllAsync()
    {
        var messages = new List<MimeMessage>();
        foreach (var email in await _mail.ListAsync())
        {
            using var raw = new MemoryStream(await _mail.RawAsync(email.Id));
            messages.Add(await MimeMessage.LoadAsync(raw));
        }
        return messages;
    }

    private static string? Kind(MimeMessage message) => message.Headers["X-ReferenceFlow-Kind"];
}

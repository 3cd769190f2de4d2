using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Web.Tests.Support;
using ReferenceFlow.Workflow.Health;

namespace ReferenceFlow.Web.Tests.Workflow;

/// <summary>Keep-warm counts from the last time a request touched a reference, not only from calls credited.</summary>
public sealed class KeepWarmFromContactTests(ReferenceFlowFactory factory) : IClassFixture<ReferenceFlowFactory>
{
    [Fact]
    public async Task AReferenceARequestTouchedRecentlyIsLeftOutAndEachLineSaysHowLongItHasBeen()
    {
        var pm = factory.ClientFor(Keys.ProgramManager);
        var owner = $"owner{Guid.NewGuid():N}"[..16] + "@demo.local";
        (await pm.PutAsJsonAsync("/api/references/warm2", Samples.Reference(owner: owner, contacts: [("rosalind", "rosalind@warm2.example"), ("quentin", "quentin@warm2.example")])))
            .EnsureSuccessStatusCode();
        var touches = factory.Services.GetRequiredService<ContactTouches>();
        var now = DateTimeOffset.UtcNow;
        await touches.RecordAsync("warm2", "rosalind", "req-recent", now.AddDays(-3), default);
        await touches.RecordAsync("warm2", "quentin", "req-old", now.AddDays(-200), default);

        await factory.Services.GetRequiredService<KeepWarmRun>().RunOnceAsync(default);

        var email = Assert.Single(Directory.GetFiles(factory.Outbox, "*.eml").Select(p => MimeMessage.Load(p)),
            m => m.Headers["X-ReferenceFlow-Kind"] == "KeepWarm" && m.To.Mailboxes.Single().Address == owner);
        Assert.DoesNotContain("rosalind", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("quentin", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("last contact 200 days ago", email.TextBody, StringComparison.Ordinal);
    }
}

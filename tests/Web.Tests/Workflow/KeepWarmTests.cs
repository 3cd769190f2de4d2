using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Web.Tests.Support;
using ReferenceFlow.Workflow.Health;

namespace ReferenceFlow.Web.Tests.Workflow;

public sealed class KeepWarmTests(ReferenceFlowFactory factory) : IClassFixture<ReferenceFlowFactory>
{
    [Fact]
    public async Task OwnersOfReferencesNobodyTouchedAreRemindedOncePerPeriod()
    {
        var pm = factory.ClientFor(Keys.ProgramManager);
        (await pm.PutAsJsonAsync("/api/references/warm1", Samples.Reference(owner: "li.ae@demo.local"))).EnsureSuccessStatusCode();
        var job = factory.Services.GetRequiredService<KeepWarmRun>();

        Assert.Equal(1, await job.RunOnceAsync(default));
        Assert.Equal(0, await job.RunOnceAsync(default));

        var sent = Directory.GetFiles(factory.Outbox, "*.eml").Select(p => MimeMessage.Load(p))
            .Where(m => m.Headers["X-ReferenceFlow-Kind"] == "KeepWarm").ToList();
        var email = Assert.Single(sent);
        Assert.Equal("li.ae@demo.local", email.To.Mailboxes.Single().Address);
        Assert.Contains("Contoso Health", email.TextBody, StringComparison.Ordinal);
    }
}

using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.ReadModels;
using ReferenceFlow.Workflow.Tests.Support;

namespace ReferenceFlow.Workflow.Tests.ReadModels;

/// <summary>The workflow records what a debrief taught as it records the debrief; histories from before are replayed into it once.</summary>
public sealed class InsightsFromDebriefsTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task ADebriefWithALandmineIsAnInsightAndTheBackfillRebuildsItFromTheHistory()
    {
        var id = await host.SubmitAsync(accounts: "ins" + Guid.NewGuid().ToString("N")[..6]);
        var asked = (await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval)).State;
        await host.Workflow.SendAsync(id, new DecideAsOwner(asked.Step!, asked.Current!.Account.OwnerEmail, true, null, DateTimeOffset.UtcNow), CancellationToken.None);
        var consenting = (await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingReferenceConsent)).State;
        await host.Workflow.SendAsync(id, new DecideAsReference(consenting.Step!, consenting.Current!.Contact.Email, true, null, DateTimeOffset.UtcNow), CancellationToken.None);
        await host.WaitAsync(id, s => s.State.Status == RequestStatus.Introduced);

        await host.Workflow.SendAsync(id, new SubmitDebrief(true, true, null, "OtherCo says we lack SSO", null, WorkflowHost.Rep, DateTimeOffset.UtcNow), CancellationToken.None);

        var completed = (await host.WaitAsync(id, s => s.State.Status == RequestStatus.Completed)).State;
        var store = host.Services.GetRequiredService<InsightStore>();
        var recorded = await WaitForAsync(store, id);
        Assert.Equal(("OtherCo says we lack SSO", completed.Current!.Account.Name, completed.Debrief!.At),
            (recorded.Landmines, recorded.Reference.Account, recorded.At));

        // As if the read model were new: empty it, and a fresh process's backfill finds the debrief in the history.
        await EmptyAsync(host.Services.GetRequiredService<StorageLayout>());
        Assert.Empty((await store.PageAsync(new InsightQuery(), CancellationToken.None)).Items);
        var backfill = new InsightBackfill(host.Services.GetRequiredService<RequestStore>(), store, host.Services.GetRequiredService<WorkflowPolicy>());
        await backfill.EnsureAsync(CancellationToken.None);

        var rebuilt = Assert.Single((await store.PageAsync(new InsightQuery(Topic: "Migration"), CancellationToken.None)).Items, i => i.RequestId == id);
        Assert.Equal(recorded with { Topics = rebuilt.Topics, OwnerEmails = rebuilt.OwnerEmails }, rebuilt);
        Assert.Equal(recorded.Topics, rebuilt.Topics);
        Assert.Equal(recorded.OwnerEmails, rebuilt.OwnerEmails);
        Assert.True(await store.IsBackfilledAsync(CancellationToken.None));
    }

    private static async Task<Domain.Insights.DebriefInsight> WaitForAsync(InsightStore store, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var found = (await store.PageAsync(new InsightQuery(), CancellationToken.None)).Items.SingleOrDefault(i => i.RequestId == id);
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No insight for {id}.");
            await Task.Delay(100);
        }
    }

    private static async Task EmptyAsync(StorageLayout layout)
    {
        var table = layout.Table(layout.Names.Insights);
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All);
        }
    }
}

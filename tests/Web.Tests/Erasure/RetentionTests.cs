using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.TestSupport;
using ReferenceFlow.Web.Tests.Support;
using ReferenceFlow.Workflow.Erasure;

namespace ReferenceFlow.Web.Tests.Erasure;

/// <summary>The app with a retention age of a few seconds, so that a request that just ended is already old.</summary>
public sealed class ShortRetentionFactory() : ReferenceFlowFactory(new Dictionary<string, string?>
{
    ["ReferenceFlow:Retention:FinishedRequests"] = "00:00:03",
});

/// <summary>
/// Issue 25, point 8: finished requests older than the retention age are purged, history, read models and orchestration
/// instance; the program's figures keep counting them; open requests are left alone.
/// </summary>
public sealed class RetentionTests(ShortRetentionFactory factory) : IClassFixture<ShortRetentionFactory>
{
    [Fact]
    public async Task AFinishedRequestPastTheAgeIsPurgedAndTheFiguresKeepIt()
    {
        var pm = factory.ClientFor(Keys.ProgramManager);
        var rep = factory.ClientFor(Keys.Rep);
        var put = await pm.PutAsJsonAsync("/api/references/nordic", Samples.Reference(contacts: [("c1", "c1@nordic.example"), ("c2", "c2@nordic.example")]));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var finished = await Debriefs.IntroducedAsync(factory.Services, rep, Samples.Intake("OPP-RET-1"));
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsJsonAsync($"/api/requests/{finished}/debrief", new { happened = true, metNeeds = true })).StatusCode);
        await RequestStates.WaitAsync(factory.Services, finished, s => s.State.Status == RequestStatus.Completed);
        Assert.True((await factory.ClientFor(Keys.Crm).PostAsJsonAsync("/api/opportunities/OPP-RET-1/outcome", new { outcome = "Won" })).IsSuccessStatusCode);
        await RequestStates.WaitAsync(factory.Services, finished, s => s.State.Status == RequestStatus.Closed);
        var submitted = await rep.PostAsJsonAsync("/api/requests", Samples.Intake("OPP-RET-2"));
        var open = (string)(await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await RequestStates.WaitAsync(factory.Services, open, s => s.State.Status == RequestStatus.AwaitingOwnerApproval);
        var figures = await SettledMetricsAsync(pm);
        var engine = factory.Services.GetRequiredService<DurableTaskClient>();
        Assert.NotNull(await engine.GetInstanceAsync(finished));
        await Task.Delay(TimeSpan.FromSeconds(4));

        var purged = await factory.Services.GetRequiredService<RequestRetention>().PurgeAsync(default);

        Assert.Equal([finished], purged);
        Assert.Equal(HttpStatusCode.NotFound, (await pm.GetAsync($"/api/requests/{finished}")).StatusCode);
        Assert.Null(await engine.GetInstanceAsync(finished));
        Assert.Empty(await RowsNamingAsync(finished, "requests", "summaries", "usage", "touches", "thanks", "holds"));
        Assert.Equal(HttpStatusCode.OK, (await pm.GetAsync($"/api/requests/{open}")).StatusCode);
        Assert.NotNull(await engine.GetInstanceAsync(open));
        Assert.Equal(figures, await MetricsAsync(pm));
    }

    /// <summary>Rows of the app's <paramref name="tables"/> whose keys or columns name <paramref name="requestId"/>.</summary>
    private async Task<List<string>> RowsNamingAsync(string requestId, params string[] tables)
    {
        var found = new List<string>();
        var service = new TableServiceClient(AzuriteInstance.SharedConnectionString);
        foreach (var table in tables)
        {
            await foreach (var row in service.GetTableClient(factory.Prefix + table).QueryAsync<TableEntity>())
            {
                if (row.Select(p => p.Value).OfType<string>().Append(row.PartitionKey).Append(row.RowKey).Any(v => v.Contains(requestId, StringComparison.Ordinal)))
                {
                    found.Add($"{table}: {row.PartitionKey}/{row.RowKey}");
                }
            }
        }
        return found;
    }

    // The figures follow the history a moment later (the orchestration's effects): wait for the win to be counted.
    private static async Task<string> SettledMetricsAsync(HttpClient pm)
    {
        var figures = await MetricsAsync(pm);
        for (var i = 0; i < 100; i++)
        {
            await Task.Delay(300);
            var again = await MetricsAsync(pm);
            if (again == figures && figures.Contains("\"influencedRevenueUsd\":250000", StringComparison.Ordinal)) return figures;
            figures = again;
        }
        return figures;
    }

    private static async Task<string> MetricsAsync(HttpClient pm)
    {
        var from = DateTime.UtcNow.AddDays(-5).ToString("yyyy-MM-dd");
        var to = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd");
        return (await pm.GetFromJsonAsync<JsonObject>($"/api/program/metrics?from={from}&to={to}"))!.ToJsonString();
    }
}

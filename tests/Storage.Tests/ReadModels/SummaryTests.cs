using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.ReadModels;

public sealed class SummaryTests : IAsyncLifetime
{
    private TestRuntime _app = null!;

    [Fact]
    public async Task SummariesFollowTheStreamAndAreQueryableByStateAndRequester()
    {
        var now = DateTimeOffset.UtcNow;
        await _app.ExecuteAsync("a", new Start("ann", now, TimeSpan.FromDays(1)));
        await _app.ExecuteAsync("b", new Start("bob", now));
        await _app.ExecuteAsync("b", new Increment("x"));

        var waiting = await _app.Summaries.QueryAsync(new SummaryQuery(State: "Waiting"), CancellationToken.None);
        var bobs = await _app.Summaries.QueryAsync(new SummaryQuery(Requester: "bob"), CancellationToken.None);

        Assert.Equal("a", Assert.Single(waiting).StreamId);
        var b = Assert.Single(bobs);
        Assert.Equal(2, b.Version);
        Assert.Equal(1, b.Properties["Count"]);
        Assert.Equal("Idle", b.GetString(SummaryColumns.State));
    }

    [Fact]
    public async Task AnOlderVersionNeverOverwritesANewerSummary()
    {
        await _app.ExecuteAsync("c", new Start("cy", DateTimeOffset.UtcNow));
        await _app.ExecuteAsync("c", new Increment("x"));
        var table = _app.Layout.Table(_app.Layout.Names.Summaries);
        var row = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>("summary", "c")).Value;
        row["Version"] = 99L;
        row["Count"] = 42;
        await table.UpdateEntityAsync(row, row.ETag);

        await _app.ExecuteAsync("c", new Increment("y"));

        var summary = await _app.Summaries.GetAsync("c", CancellationToken.None);
        Assert.Equal(99, summary!.Version);
        Assert.Equal(42, summary.Properties["Count"]);
    }

    public Task InitializeAsync()
    {
        _app = TestRuntime.Create(TestRuntime.NewPrefix());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}

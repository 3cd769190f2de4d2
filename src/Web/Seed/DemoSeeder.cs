using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Requests;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Web.Seed;

/// <summary>
/// Fills an empty store with the demo program: the directory, past usage, and a few requests in
/// different states. Seeds nothing when the directory already holds an account, so a restart is harmless.
/// </summary>
public sealed partial class DemoSeeder(IServiceProvider services, IConfiguration configuration, TimeProvider clock, ILogger<DemoSeeder> logger)
    : BackgroundService
{
    public const int Accounts = 60;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue<bool>(DemoDataExtensions.Switch)) return;
        try
        {
            await SeedAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // A failed seed must not stop the app; the next start on an empty store tries again.
            LogFailed(logger, e);
        }
    }

    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IReferenceDirectory>();
        if (!await directory.IsEmptyAsync(ct)) return false;
        var now = clock.GetUtcNow();
        var accounts = DemoDirectory.Create(Accounts, DateOnly.FromDateTime(now.UtcDateTime));
        await directory.UpsertManyAsync(accounts, ct);

        // Past calls, so fatigue, caps and rotation have something to show.
        var usage = scope.ServiceProvider.GetRequiredService<UsageWriter>();
        for (var i = 0; i < accounts.Count; i += 4)
        {
            var contact = accounts[i].Contacts[0];
            var at = now.AddDays(-(7 + (i * 5 % 170)));
            await usage.RecordAsync(new UsageRecord(accounts[i].ReferenceId, contact.ContactId, $"history-{i:000}", "Call", at, 50_000m + (i * 7_500)), ct);
        }

        var requests = scope.ServiceProvider.GetRequiredService<RequestService>();
        var workflow = scope.ServiceProvider.GetRequiredService<RequestWorkflow>();
        var rep = new CurrentUser("rep@demo.local", "Riley Rep", new HashSet<string> { Roles.SalesRep });
        var rep2 = new CurrentUser("rep2@demo.local", "Sam Rep", new HashSet<string> { Roles.SalesRep });
        foreach (var (index, intake) in DemoRequests.Create(DateOnly.FromDateTime(now.UtcDateTime)).Index())
        {
            // Keyed by position, so a seed interrupted and run again submits the same requests, not new ones.
            var done = await requests.SubmitAsync(intake, index % 2 == 0 ? rep : rep2, ct, idempotencyKey: $"demo-{index}");
            await AdvanceAsync(workflow, done.RequestId, index, ct);
        }
        LogSeeded(logger, accounts.Count);
        return true;
    }

    /// <summary>Moves demo request <paramref name="index"/> along: some approved, some accepted, one cancelled.
    /// Each answer waits until the workflow recorded what came before, as a person's would.</summary>
    private async Task AdvanceAsync(RequestWorkflow workflow, string id, int index, CancellationToken ct)
    {
        var snapshot = await RecordedAsync(workflow, id, 1, ct);
        for (var step = 0; step < DemoRequests.StepsFor(index); step++)
        {
            if (snapshot?.State is not { Step: { } stepId, Current: { } current } state) return;
            RequestCommand? command = state.Status switch
            {
                RequestStatus.AwaitingOwnerApproval => new DecideAsOwner(stepId, current.Account.OwnerEmail, true, null, clock.GetUtcNow()),
                RequestStatus.AwaitingReferenceConsent => new DecideAsReference(stepId, current.Contact.Email, true, null, clock.GetUtcNow()),
                _ => null,
            };
            if (command is null) return;
            snapshot = await SendAsync(workflow, id, snapshot.Version, command, ct);
        }
        if (DemoRequests.Cancelled(index) && snapshot is not null)
        {
            await SendAsync(workflow, id, snapshot.Version, new CancelRequest("rep@demo.local", "The prospect chose a site visit instead.", clock.GetUtcNow()), ct);
        }
    }

    private static async Task<RequestSnapshot?> SendAsync(RequestWorkflow workflow, string id, long version, RequestCommand command, CancellationToken ct) =>
        await workflow.SendAsync(id, command, ct) is CommandOutcome.Accepted accepted
            ? await RecordedAsync(workflow, id, version + accepted.Events.Count, ct)
            : null;

    /// <summary>The request once its history reached <paramref name="version"/> (waiting a minute at most).</summary>
    private static async Task<RequestSnapshot?> RecordedAsync(RequestWorkflow workflow, string id, long version, CancellationToken ct)
    {
        for (var wait = 0; wait < 600; wait++)
        {
            if (await workflow.LoadAsync(id, ct) is { } snapshot && snapshot.Version >= version) return snapshot;
            await Task.Delay(100, ct);
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo program: {Accounts} reference accounts, usage history and requests")]
    private static partial void LogSeeded(ILogger logger, int accounts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seeding the demo program failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

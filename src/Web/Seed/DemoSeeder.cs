using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.Effects;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Runtime;
using ReferenceFlow.Web.Auth;
using ReferenceFlow.Web.Workflow;

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
        foreach (var account in accounts) await directory.UpsertAsync(account, ct);

        // Past calls, so fatigue, caps and rotation have something to show.
        var usage = scope.ServiceProvider.GetRequiredService<IEnumerable<IEffectHandler>>().First(h => h.CanHandle(new RecordUsage("a", "c", "r", "Call", now, 0)));
        for (var i = 0; i < accounts.Count; i += 4)
        {
            var contact = accounts[i].Contacts[0];
            var at = now.AddDays(-(7 + (i * 5 % 170)));
            var effect = new RecordUsage(accounts[i].ReferenceId, contact.ContactId, $"history-{i:000}", "Call", at, 50_000m + (i * 7_500));
            await usage.HandleAsync(new EffectEnvelope($"history-{i:000}", $"history-{i:000}", effect, 1), ct);
        }

        var requests = scope.ServiceProvider.GetRequiredService<RequestService>();
        var runtime = scope.ServiceProvider.GetRequiredService<DurableRuntime<RequestState, RequestCommand, RequestEvent>>();
        var rep = new CurrentUser("rep@demo.local", "Riley Rep", new HashSet<string> { Roles.SalesRep });
        var rep2 = new CurrentUser("rep2@demo.local", "Sam Rep", new HashSet<string> { Roles.SalesRep });
        foreach (var (index, intake) in DemoRequests.Create(DateOnly.FromDateTime(now.UtcDateTime)).Index())
        {
            var done = await requests.SubmitAsync(intake, index % 2 == 0 ? rep : rep2, ct);
            await AdvanceAsync(runtime, done.Id, index, ct);
        }
        LogSeeded(logger, accounts.Count);
        return true;
    }

    /// <summary>Moves demo request <paramref name="index"/> along: some approved, some accepted, one cancelled.</summary>
    private async Task AdvanceAsync(DurableRuntime<RequestState, RequestCommand, RequestEvent> runtime, string id, int index, CancellationToken ct)
    {
        for (var step = 0; step < DemoRequests.StepsFor(index); step++)
        {
            var snapshot = await runtime.LoadAsync(id, ct);
            var state = snapshot?.State;
            if (state?.Step is not { } stepId || state.Current is not { } current) return;
            RequestCommand? command = state.Status switch
            {
                RequestStatus.AwaitingOwnerApproval => new DecideAsOwner(stepId, current.Account.OwnerEmail, true, null, clock.GetUtcNow()),
                RequestStatus.AwaitingReferenceConsent => new DecideAsReference(stepId, current.Contact.Email, true, null, clock.GetUtcNow()),
                _ => null,
            };
            if (command is null) return;
            await runtime.ExecuteAsync(id, command, $"demo:{id}:{step}", mustExist: true, ct);
        }
        if (DemoRequests.Cancelled(index))
        {
            await runtime.ExecuteAsync(id, new CancelRequest("rep@demo.local", "The prospect chose a site visit instead.", clock.GetUtcNow()),
                $"demo:{id}:cancel", mustExist: true, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo program: {Accounts} reference accounts, usage history and requests")]
    private static partial void LogSeeded(ILogger logger, int accounts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seeding the demo program failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

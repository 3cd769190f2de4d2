using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.Health;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Email;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Workflow.Health;

/// <summary>
/// One keep-warm run: reminds owners of references nobody has been in touch with for KeepWarmEvery (by the calls
/// credited and every time a request touched them: asked, briefed, introduced, debriefed, thanked, told the outcome). A row
/// per owner and period in <c>{prefix}keepwarm</c> makes it once per period, whatever the replicas, restarts
/// or hosts (the Web host's daily loop, the Functions app's timer trigger) that run it.
/// </summary>
public sealed partial class KeepWarmRun(
    IServiceProvider services, TableServiceClient tables, IOptions<StorageOptions> storage, TimeProvider clock, ILogger<KeepWarmRun> logger)
{
    /// <summary>How often hosts run it.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromDays(1);

    /// <summary>Sends what is due now; returns the number of owners emailed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var everyone = scope.ServiceProvider.GetRequiredService<ReadModels.DirectoryWithUsage>();
        var policy = scope.ServiceProvider.GetRequiredService<WorkflowPolicy>();
        var email = scope.ServiceProvider.GetRequiredService<EmailDispatcher>();
        var touches = scope.ServiceProvider.GetRequiredService<ContactTouches>();
        var now = clock.GetUtcNow();
        var known = await everyone.LoadAsync(ct).ConfigureAwait(false);
        var (accounts, used) = (known.Accounts, known.Usage);
        var contacts = accounts.SelectMany(a => a.Contacts.Select(c => new Domain.References.ContactKey(a.ReferenceId, c.ContactId)));
        var touched = await touches.LastTouchedAsync(contacts, ct).ConfigureAwait(false);
        var due = KeepWarm.Due(accounts, used, touched, now, policy);

        var log = tables.GetTableClient($"{storage.Value.TablePrefix}keepwarm");
        await log.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        var period = (now.UtcTicks / Math.Max(1, policy.KeepWarmEvery.Ticks)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sent = 0;
        foreach (var message in due)
        {
            var owner = message.To[0].Email.ToLowerInvariant();
            try
            {
                await log.AddEntityAsync(new TableEntity(period, Uri.EscapeDataString(owner)), ct).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                continue; // Already reminded in this period.
            }
            try
            {
                await email.SendAsync(message, $"keepwarm:{period}:{owner}", ct).ConfigureAwait(false);
            }
            catch
            {
                // Unclaim, so the next run tries this owner again.
                await log.DeleteEntityAsync(period, Uri.EscapeDataString(owner), ETag.All, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
            sent++;
        }
        LogRan(logger, sent);
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Keep-warm: reminded {Owners} owners")]
    private static partial void LogRan(ILogger logger, int owners);
}

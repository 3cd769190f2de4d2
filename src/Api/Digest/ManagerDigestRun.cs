using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.ProgramHealth;
using ReferenceFlow.Api.Requests;
using ReferenceFlow.Domain.Health.Capacity;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Email;
using ReferenceFlow.Storage.Digests;

namespace ReferenceFlow.Api.Digest;

/// <summary>
/// One look at the program manager's morning digest: from the send hour in the business time zone, the first run of the
/// day reads what waits on them (as their home page does, and what the capacity forecast says runs dry within four weeks)
/// and sends it, or records that nothing waited. The day's row in
/// <see cref="DigestDays"/> makes it once per day, whatever the replicas and hosts (the Web host's job, the Functions app's
/// timer trigger) that run it, and however often they look.
/// </summary>
public sealed partial class ManagerDigestRun(
    IServiceProvider services, DigestDays days, IOptions<DigestOptions> options, IOptions<ProgramOptions> program, WorkflowPolicy policy,
    TimeProvider clock, ILogger<ManagerDigestRun> logger)
{
    /// <summary>How often hosts look: the digest leaves within this long of the send hour.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(15);

    /// <summary>How long a run that began sending holds the day; a claim older than this belongs to a run that died.</summary>
    private static readonly TimeSpan SendLease = TimeSpan.FromMinutes(10);

    public async Task<DigestRunResult> RunOnceAsync(CancellationToken ct)
    {
        if (!options.Value.Enabled) return DigestRunResult.Off;
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), BusinessClock.Zone(policy.BusinessTimeZone));
        if (local.Hour < options.Value.SendHour) return DigestRunResult.NotYet;
        var day = DateOnly.FromDateTime(local.DateTime);
        if (await days.IsDecidedAsync(day, ct).ConfigureAwait(false)) return DigestRunResult.AlreadyDecided;

        var manager = program.Value.ManagerEmail;
        await using var scope = services.CreateAsyncScope();
        var queue = await scope.ServiceProvider.GetRequiredService<ManagerQueue>().LoadAsync(AsManager(manager), ct).ConfigureAwait(false);
        var health = scope.ServiceProvider.GetRequiredService<ProgramService>();
        var waiting = queue.Waiting with { RunningDry = CapacityWarning.Due(await health.CapacityAsync(ct).ConfigureAwait(false), health.Today) };
        if (ManagerDigest.For(manager, waiting, day) is not { } digest)
        {
            await days.MarkNothingWaitedAsync(day, ct).ConfigureAwait(false);
            LogNothing(logger, day);
            return DigestRunResult.NothingWaited;
        }

        if (await days.TryClaimAsync(day, SendLease, ct).ConfigureAwait(false) is not { } claim) return DigestRunResult.AlreadyDecided;
        try
        {
            // The same Message-ID for the day's digest, should a run taking over a lapsed claim send it again.
            var effectId = string.Create(CultureInfo.InvariantCulture, $"digest:{day:yyyy-MM-dd}");
            await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().SendAsync(digest, effectId, ct).ConfigureAwait(false);
        }
        catch
        {
            await days.ReleaseAsync(day, claim, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        await days.MarkSentAsync(day, ct).ConfigureAwait(false);
        LogSent(logger, day);
        return DigestRunResult.Sent;
    }

    /// <summary>The manager as their home page sees them: every request, every nomination.</summary>
    private static CurrentUser AsManager(string email) => new(email, email, new HashSet<string>([Roles.ProgramManager]));

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest for {Day}: sent to the program manager")]
    private static partial void LogSent(ILogger logger, DateOnly day);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest for {Day}: nothing waited, none sent")]
    private static partial void LogNothing(ILogger logger, DateOnly day);
}

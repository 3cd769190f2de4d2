using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Storage.People;

namespace ReferenceFlow.Workflow.People;

/// <summary>
/// Who each staff address is: every <see cref="IPeopleSource"/> asked (Graph when configured, the remembered names, the
/// demo users in Development), <see cref="StaffPrecedence"/> choosing. A source that fails (Graph down, a permission not
/// granted) is logged and left out: an email is never held back for want of a name. Answers are kept for a few minutes,
/// so a busy page or a burst of emails asks the sources once.
/// </summary>
public sealed partial class PeopleDirectory(
    IEnumerable<IPeopleSource> sources, RememberedNames remembered, TimeProvider clock, ILogger<PeopleDirectory> logger) : IPeopleDirectory
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);
    private const int MaxKept = 10_000;

    private readonly ConcurrentDictionary<string, (Task<StaffMember> Lookup, DateTimeOffset Until)> _kept = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyDictionary<string, StaffMember>> FindAsync(IEnumerable<string> emails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var wanted = emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = await Task.WhenAll(wanted.Select(e => FindOneAsync(e, cancellationToken))).ConfigureAwait(false);
        return found.ToDictionary(m => m.Email, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Keeps a name a source told us (a sign-in, an owner column); the next look-up here sees it at once. A name that
    /// cannot be stored is logged, not thrown: a sign-in or an import never fails for it.
    /// </summary>
    public async Task RememberAsync(KnownName name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            await remembered.RememberAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRememberFailed(logger, e, name.Source);
        }
        _kept.TryRemove(name.Email.Trim(), out _);
    }

    // The look-up itself is kept, not only its answer: a page listing fifty accounts of one owner asks the sources once.
    // It runs without the caller's token, so one caller going away does not cancel it for the others.
    private Task<StaffMember> FindOneAsync(string email, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!_kept.TryGetValue(email, out var kept) || kept.Until <= now || kept.Lookup.IsFaulted || kept.Lookup.IsCanceled)
        {
            if (_kept.Count >= MaxKept) _kept.Clear();
            kept = (LookUpAsync(email), now + KeepFor);
            _kept[email] = kept;
        }
        return kept.Lookup.WaitAsync(ct);
    }

    private async Task<StaffMember> LookUpAsync(string email)
    {
        var all = sources.Prepend(remembered).Distinct().ToList();
        var said = await Task.WhenAll(all.Select(s => AskAsync(s, email, CancellationToken.None))).ConfigureAwait(false);
        return StaffPrecedence.Pick(email, said.SelectMany(s => s));
    }

    private async Task<IReadOnlyList<KnownName>> AskAsync(IPeopleSource source, string email, CancellationToken ct)
    {
        try
        {
            return await source.NamesAsync(email, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSourceFailed(logger, e, source.GetType().Name);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The people source {Source} could not answer; staff are named without it")]
    private static partial void LogSourceFailed(ILogger logger, Exception exception, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A staff name from {Source} could not be remembered")]
    private static partial void LogRememberFailed(ILogger logger, Exception exception, NameSource source);
}

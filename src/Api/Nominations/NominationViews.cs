using ReferenceFlow.Api.Auth;
using ReferenceFlow.Domain.Nominations;

namespace ReferenceFlow.Api.Nominations;

/// <summary>
/// A nomination as its viewer may see it. Only the program manager may read the directory, so a nomination that names an
/// existing account by its reference id shows anyone else that id, not the account's name the directory gave it.
/// </summary>
public static class NominationViews
{
    public static Nomination For(CurrentUser user, Nomination nomination)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(nomination);
        // A new account's name is the proposer's own words.
        if (user.IsProgramManager || nomination.NewAccount is not null || nomination.AccountName == nomination.ReferenceId) return nomination;
        return nomination with
        {
            AccountName = nomination.ReferenceId,
            History = [.. nomination.History.Select(c => c with { What = c.What.Replace(nomination.AccountName, nomination.ReferenceId, StringComparison.Ordinal) })],
        };
    }
}

using System.Text.RegularExpressions;

namespace ReferenceFlow.Storage.Configuration;

/// <summary>The table names, derived from <see cref="StorageOptions.TablePrefix"/>.</summary>
public sealed partial class StorageNames
{
    public StorageNames(string prefix)
    {
        prefix ??= "";
        if (prefix.Length > 30 || (prefix.Length > 0 && !Prefix().IsMatch(prefix)))
        {
            throw new ArgumentException(
                $"TablePrefix '{prefix}' must start with a letter and hold only letters and digits (at most 30).", nameof(prefix));
        }
        Requests = prefix + "requests";
        Summaries = prefix + "summaries";
        Usage = prefix + "usage";
        Touches = prefix + "touches";
        ContactChanges = prefix + "contactchanges";
        Thanks = prefix + "thanks";
        Insights = prefix + "insights";
        Nominations = prefix + "nominations";
        ProgramDays = prefix + "programdays";
        Holds = prefix + "holds";
        Erasures = prefix + "erasures";
        People = prefix + "people";
    }

    /// <summary>Each request's history (head, events, once-only marks).</summary>
    public string Requests { get; }
    public string Summaries { get; }
    public string Usage { get; }

    /// <summary>When we were last in touch with each reference contact, per request (keep-warm).</summary>
    public string Touches { get; }

    /// <summary>What each reference contact changed on their self-service page, and when.</summary>
    public string ContactChanges { get; }

    /// <summary>Every thank-you a contact received, with what was given (gratitude on the pages and /program).</summary>
    public string Thanks { get; }

    /// <summary>What debriefs taught: concerns and competitor landmines, laid out per filter (<see cref="ReadModels.InsightStore"/>).</summary>
    public string Insights { get; }

    /// <summary>Proposed reference contacts, from proposal to the contact's own answer.</summary>
    public string Nominations { get; }

    /// <summary>The program's figures per day, and each request's contribution to them (the program page and its API).</summary>
    public string ProgramDays { get; }

    /// <summary>Which request holds each contact it is asking now: where two requests choosing one contact are told apart.</summary>
    public string Holds { get; }

    /// <summary>Each erasure the program manager asked for: its progress and the stores it cleared (never whom it erased).</summary>
    public string Erasures { get; }

    /// <summary>Staff names remembered from sign-ins and from the directory's owner columns (<see cref="ReferenceFlow.Storage.People.RememberedNames"/>).</summary>
    public string People { get; }

    public IReadOnlyList<string> All => [Requests, Summaries, Usage, Touches, ContactChanges, Thanks, Insights, Nominations, ProgramDays, Holds, Erasures, People];

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex Prefix();
}

using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Matching;

/// <summary>
/// Ranks directory contacts for one prospect: hard filters first, then explainable similarity
/// with fatigue and rotation. Only the top <c>take</c> are explained, so the scan allocates nothing per contact.
/// </summary>
public static class Matcher
{
    /// <summary>How many candidates a request lists, best first.</summary>
    public const int Candidates = 5;

    public static IReadOnlyList<Candidate> Rank(
        RequestIntake intake, IReadOnlyList<ReferenceAccount> accounts, IEnumerable<ContactUsage> usage,
        IReadOnlySet<ContactKey> busy, DateTimeOffset now, WorkflowPolicy policy, int take = Candidates)
    {
        ArgumentNullException.ThrowIfNull(intake);
        return Rank(intake.Prospect, intake.Activity, intake.Topics, accounts, UsageIndex.Build(usage, now), busy, now, policy, take);
    }

    /// <summary>The fast path for large directories: rank over an index built once per directory load.</summary>
    public static IReadOnlyList<Candidate> Rank(
        ProspectProfile prospect, Activity activity, IReadOnlyList<string> topics,
        DirectoryIndex directory, UsageIndex usage, IReadOnlySet<ContactKey> busy,
        DateTimeOffset now, WorkflowPolicy policy, int take = Candidates)
    {
        ArgumentNullException.ThrowIfNull(prospect);
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(busy);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);

        var terms = new ProspectTerms(prospect, topics);
        var hits = IndexedRanking.Top(terms, activity, directory, usage, busy, now, policy, take);
        return Finish(terms, activity, [.. hits.Select(h => (directory.AccountOf[h.Position], directory.ContactOf[h.Position], h.Score))],
            directory.Accounts, usage, now, policy);
    }

    public static IReadOnlyList<Candidate> Rank(
        ProspectProfile prospect, Activity activity, IReadOnlyList<string> topics,
        IReadOnlyList<ReferenceAccount> accounts, UsageIndex usage, IReadOnlySet<ContactKey> busy,
        DateTimeOffset now, WorkflowPolicy policy, int take = Candidates)
    {
        ArgumentNullException.ThrowIfNull(prospect);
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(busy);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);

        var terms = new ProspectTerms(prospect, topics);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var top = new PriorityQueue<(int Account, int Contact), double>(take + 1);

        for (var a = 0; a < accounts.Count; a++)
        {
            var account = accounts[a];
            if (account.Status is AccountStatus.Retired or AccountStatus.Paused)
            {
                continue;
            }

            var accountPart = -1.0;
            for (var c = 0; c < account.Contacts.Count; c++)
            {
                var contact = account.Contacts[c];
                if (!Eligibility.Passes(account, contact, activity, today))
                {
                    continue;
                }

                var key = new ContactKey(account.ReferenceId, contact.ContactId);
                var used = usage.IsEmpty ? default : usage.For(key);
                if (!Eligibility.UnderCap(used, contact, policy) || (busy.Count > 0 && busy.Contains(key)))
                {
                    continue;
                }

                if (accountPart < 0)
                {
                    accountPart = terms.AccountPart(account);
                }

                var similarity = (accountPart + terms.ContactPart(contact)) / terms.TotalWeight;
                var score = Combine(similarity, used, Eligibility.Cap(contact, policy), now);
                if (top.Count < take)
                {
                    top.Enqueue((a, c), score);
                }
                else if (top.TryPeek(out _, out var lowest) && score > lowest)
                {
                    top.DequeueEnqueue((a, c), score);
                }
            }
        }

        var hits = new List<(int, int, double)>(top.Count);
        while (top.TryDequeue(out var hit, out var score))
        {
            hits.Add((hit.Account, hit.Contact, score));
        }

        return Finish(terms, activity, hits, accounts, usage, now, policy);
    }

    // Explains only the winners, sorted on the raw score so that the order never depends on the rounding shown. Each
    // carries the owner's standing approval as it covers this ask now.
    private static List<Candidate> Finish(
        ProspectTerms terms, Activity activity, List<(int Account, int Contact, double Score)> hits, IReadOnlyList<ReferenceAccount> accounts,
        UsageIndex usage, DateTimeOffset now, WorkflowPolicy policy)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var winners = new List<(Candidate Candidate, double Raw)>(hits.Count);
        foreach (var (a, c, score) in hits)
        {
            var account = accounts[a];
            var contact = account.Contacts[c];
            var used = usage.For(new ContactKey(account.ReferenceId, contact.ContactId));
            var candidate = MatchExplainer.Explain(terms, account, contact, score, used, Eligibility.Cap(contact, policy), now) with
            {
                Standing = StandingApproval.Covering(account, contact.ContactId, activity, terms.Topics, today),
            };
            winners.Add((candidate, score));
        }

        winners.Sort(static (x, y) => y.Raw.CompareTo(x.Raw) is var byScore and not 0
            ? byScore
            : string.CompareOrdinal(x.Candidate.Key.ToString(), y.Candidate.Key.ToString()));
        return [.. winners.Select(static w => w.Candidate)];
    }

    /// <summary>Similarity, then rotation (least recently used first) and fatigue (recent use against the cap).</summary>
    internal static double Combine(double similarity, UsageSummary used, int cap, DateTimeOffset now)
    {
        var score = (MatchWeights.SimilarityShare * similarity)
            + (MatchWeights.RotationShare * Rotation(used, now))
            - (MatchWeights.FatiguePenalty * Fatigue(used, cap));
        return Math.Clamp(score, 0, 1);
    }

    internal static double Rotation(UsageSummary used, DateTimeOffset now) => used.LastUsed is { } last
        ? Math.Clamp((now - last).TotalDays / MatchWeights.RotationHorizonDays, 0, 1)
        : 1;

    internal static double Fatigue(UsageSummary used, int cap) =>
        Math.Min(1, used.InFatigueWindow / (double)Math.Max(1, cap));
}

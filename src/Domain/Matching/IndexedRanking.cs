using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Matching;

/// <summary>
/// The same ranking as <see cref="Matcher"/>'s list overload, over a <see cref="DirectoryIndex"/>: the
/// prospect is turned into word ids once, then every contact costs a few integer comparisons.
/// </summary>
internal static class IndexedRanking
{
    private const byte WantedProduct = 1;
    private const byte WantedTopic = 2;

    public static List<(int Position, double Score)> Top(
        ProspectTerms terms, Activity activity, DirectoryIndex d, UsageIndex usage, IReadOnlySet<ContactKey> busy,
        DateTimeOffset now, WorkflowPolicy policy, int take)
    {
        var p = terms.Prospect;
        var w = d.Words;
        var wanted = new byte[w.Count];
        Mark(wanted, w, terms.WantedProducts, WantedProduct);
        Mark(wanted, w, terms.WantedTopics, WantedTopic);
        var (industry, country, language) = (w.Find(p.Industry), w.Find(p.Country), w.Find(p.Language));
        var region = terms.Region == "Other" ? -1 : w.Find(terms.Region);
        var useCase = terms.HasUseCase ? w.Find(p.UseCase) : -1;
        var competitor = terms.HasCompetitor ? w.Find(p.Competitor) : -1;
        var logEmployees = Math.Log10(Math.Max(1, p.Employees));
        var (productCount, topicCount) = (terms.WantedProducts.Count, terms.WantedTopics.Count);
        var today = DateOnly.FromDateTime(now.UtcDateTime).DayNumber;
        var activityBit = 1 << (int)activity;

        var used = usage.AlignedTo(d);

        var busyAt = new HashSet<int>(busy.Count);
        foreach (var key in busy)
        {
            if (d.Positions.TryGetValue(key, out var at))
            {
                busyAt.Add(at);
            }
        }

        var top = new PriorityQueue<int, double>(take + 1);
        var lastAccount = -1;
        var accountPart = 0.0;
        for (var i = 0; i < d.Count; i++)
        {
            var a = d.AccountOf[i];
            var own = d.Cap[i] < 0 ? (int?)null : d.Cap[i];
            // Eligibility.Passes, over the index's arrays: the same rules, read without building a contact.
            if (!d.Offered[a] || (d.ActivityMask[i] & activityBit) == 0 || d.ConsentUntil[i] < today || d.PausedUntil[i] > today
                || !Eligibility.UnderCap(used[i], own, policy) || (busyAt.Count > 0 && busyAt.Contains(i)))
            {
                continue;
            }

            if (a != lastAccount)
            {
                lastAccount = a;
                accountPart = (MatchWeights.Industry * (d.Industry[a] == industry ? 1 : 0))
                    + (MatchWeights.Scale * Math.Max(0, 1 - (Math.Abs(d.LogEmployees[a] - logEmployees) / MatchWeights.ScaleOrdersToZero)))
                    + (MatchWeights.Region * (d.Country[a] == country ? 1 : d.Region[a] == region ? MatchWeights.SameRegionShare : 0))
                    + (productCount > 0 ? MatchWeights.Products * Count(d.Products[a], wanted, WantedProduct) / productCount : 0)
                    + (useCase >= 0 && Has(d.UseCases[a], useCase) ? MatchWeights.UseCase : 0)
                    + (competitor >= 0 && Has(d.MigratedFrom[a], competitor) ? MatchWeights.Competitor : 0);
            }

            var seniorityGap = Math.Abs(d.Seniority[i] - (int)p.Seniority);
            var contactPart = (Has(d.LanguageIds, d.LanguageStart[i], d.LanguageStart[i + 1], language) ? MatchWeights.Language : 0)
                + (MatchWeights.Persona * PersonaTerm((Persona)d.Persona[i], p.Persona))
                + (MatchWeights.Seniority * (seniorityGap == 0 ? 1 : seniorityGap == 1 ? 0.5 : 0))
                + (topicCount > 0 ? MatchWeights.Topics * Count(d.TopicIds, d.TopicStart[i], d.TopicStart[i + 1], wanted, WantedTopic) / topicCount : 0);
            var score = Matcher.Combine((accountPart + contactPart) / terms.TotalWeight, used[i], Eligibility.Cap(own, policy), now);
            if (top.Count < take)
            {
                top.Enqueue(i, score);
            }
            else if (top.TryPeek(out _, out var lowest) && score > lowest)
            {
                top.DequeueEnqueue(i, score);
            }
        }

        var winners = new List<(int, double)>(top.Count);
        while (top.TryDequeue(out var position, out var score))
        {
            winners.Add((position, score));
        }

        return winners;
    }

    internal static double PersonaTerm(Persona contact, Persona prospect) =>
        contact == prospect ? 1
        : (contact, prospect) is (Persona.Executive, Persona.Business) or (Persona.Business, Persona.Executive) ? 0.5 : 0;

    private static void Mark(byte[] wanted, DirectoryIndex.Vocabulary words, IReadOnlyList<string> items, byte flag)
    {
        foreach (var item in items)
        {
            var id = words.Find(item);
            if (id >= 0)
            {
                wanted[id] |= flag;
            }
        }
    }

    private static int Count(int[] ids, int from, int to, byte[] wanted, byte flag)
    {
        var hits = 0;
        for (var k = from; k < to; k++)
        {
            hits += (wanted[ids[k]] & flag) != 0 ? 1 : 0;
        }

        return hits;
    }

    private static bool Has(int[] ids, int from, int to, int id)
    {
        for (var k = from; k < to; k++)
        {
            if (ids[k] == id)
            {
                return true;
            }
        }

        return false;
    }

    private static int Count(int[] ids, byte[] wanted, byte flag)
    {
        var hits = 0;
        foreach (var id in ids)
        {
            hits += (wanted[id] & flag) != 0 ? 1 : 0;
        }

        return hits;
    }

    private static bool Has(int[] ids, int id)
    {
        foreach (var x in ids)
        {
            if (x == id)
            {
                return true;
            }
        }

        return false;
    }
}

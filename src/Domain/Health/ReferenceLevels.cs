using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Health;

/// <summary>
/// The one rule for a contact's level. Each activity belongs to one level:
/// <list type="bullet">
/// <item>3, calls: Call, SiteVisit — a prospect talks to them (the pool matching draws from);</item>
/// <item>2, materials: Quote, Logo, CaseStudy, Press — their name and words in what we publish;</item>
/// <item>1, co-marketing: Speaking, Webinar, AnalystCall — speaking for us in public or to analysts, beyond one deal.</item>
/// </list>
/// A contact's level is the highest of the levels of the activities it agreed to, and of the materials and
/// co-marketing it has done (a published quote or a talk given stays done). A call it took counts only while it
/// still agrees to calls: level 3 is a promise to take the next one, and a past call is no such promise.
/// A contact that agreed to nothing and did nothing has no level.
/// </summary>
public static class ReferenceLevels
{
    public static ReferenceLevel Of(Activity activity) => activity switch
    {
        Activity.Call or Activity.SiteVisit => ReferenceLevel.Calls,
        Activity.Quote or Activity.Logo or Activity.CaseStudy or Activity.Press => ReferenceLevel.Materials,
        Activity.Speaking or Activity.Webinar or Activity.AnalystCall => ReferenceLevel.CoMarketing,
        _ => throw new ArgumentOutOfRangeException(nameof(activity), activity, "An activity without a level."),
    };

    public static ReferenceLevel? Of(ReferenceContact contact, UsageSummary used)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ReferenceLevel? level = null;
        foreach (var activity in contact.Activities)
        {
            level = Higher(level, Of(activity));
        }

        foreach (var activity in Enum.GetValues<Activity>())
        {
            if (used.HasDone(activity) && Of(activity) != ReferenceLevel.Calls)
            {
                level = Higher(level, Of(activity));
            }
        }

        return level;
    }

    /// <summary>The level in a few words, for pages and emails.</summary>
    public static string Describe(ReferenceLevel level) => level switch
    {
        ReferenceLevel.Calls => "takes calls from prospects",
        ReferenceLevel.Materials => "name, logo and quote in our materials",
        ReferenceLevel.CoMarketing => "co-marketing: talks, webinars, a shared booth",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    private static ReferenceLevel Higher(ReferenceLevel? a, ReferenceLevel b) => a is { } known && known > b ? known : b;
}

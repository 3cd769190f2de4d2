using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Nominations;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Email.Tests.Rendering;

/// <summary>
/// A request and a nomination whose every field invites an internal word into a customer's email: a deal stage, a
/// purpose, a C-level prospect, a site visit, staff addresses, country codes.
/// </summary>
internal static class CustomerSamples
{
    public const string Rep = "riley.rep@vendor.example";
    public const string Owner = "jane.csm@vendor.example";
    public const string ProgramManager = "pm@vendor.example";

    /// <summary>Our staff as the people directory knows them.</summary>
    public static readonly IReadOnlyDictionary<string, StaffMember> Staff = new Dictionary<string, StaffMember>(StringComparer.OrdinalIgnoreCase)
    {
        [Rep] = new(Rep, "Riley Rep", null),
        [Owner] = new(Owner, "Jane Carter", null),
        [ProgramManager] = new(ProgramManager, "Priya Manager", null),
    };

    public static RequestState Request()
    {
        var prospect = new ProspectProfile("Acme Health", "Healthcare", 9000, "DE", ["Analytics Cloud"], "claims analytics", "LegacyBI",
            "Paul Martin", "paul@acme.example", null, Seniority.CLevel, Persona.Executive, "Europe/Berlin", "de");
        var intake = new RequestIntake(new Opportunity("OPP-1001", "Acme Health analytics", "Negotiation", 250_000m, new DateOnly(2027, 1, 15)),
            prospect, Purpose.Validate, ["migration", "implementation"], Activity.SiteVisit, new DateOnly(2026, 12, 18),
            new Qualification(true, true, true, true), "If the migration story holds, we move to redlines.");
        var candidate = new Candidate("wingtip", "marie", 0.9, ["same industry"],
            new CandidateAccount("Wingtip Toys", AccountStatus.Active, null, Owner, "Retail", 2000, "FR", ["Analytics Cloud"], ["sales analytics"], ["LegacyBI"]),
            new CandidateContact("Marie Dubois", "marie@wingtip.example", null, "VP Data", Seniority.VP, Persona.Business, "Europe/Paris",
                WorkingHours.Default, ["fr", "en"], ["migration"]));
        return new RequestState
        {
            RequestId = "req-7", Status = RequestStatus.AwaitingReferenceConsent, Intake = intake, RequesterEmail = Rep,
            ProgramManagerEmail = ProgramManager, Candidates = [candidate], CurrentIndex = 0, OwnerApproved = true,
        };
    }

    public static Nomination Nomination(bool joined = false)
    {
        var contact = new ReferenceContact("marie", "Marie Dubois", "marie@wingtip.example", "VP Data", Seniority.CLevel, Persona.Business,
            "Europe/Paris", ["fr"], [Activity.Call, Activity.SiteVisit, Activity.CaseStudy, Activity.AnalystCall], ["migration"], MaxCallsPerQuarter: 1);
        var at = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        return new Nomination("nom-7", joined ? NominationState.Joined : NominationState.Invited, NominationSource.WonDeal, "Loves the product",
            null, "wingtip", "Wingtip Toys", null, contact, Rep, at, [], InvitationExpiresAt: at.AddDays(14),
            Answer: joined ? new NominationAnswer(true, at.AddDays(1), [Activity.Call, Activity.SiteVisit, Activity.CaseStudy], ["migration"], 1) : null,
            JoinedAs: joined ? "marie" : null);
    }
}

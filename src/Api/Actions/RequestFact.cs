using System.Globalization;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Api.Actions;

/// <summary>One line of what the person deciding is told about the request.</summary>
public sealed record RequestFact(string Label, string Value)
{
    /// <summary>
    /// The prospect, the ask and the deal, as the action page lists them. The owner, a colleague, also reads the deal's
    /// stage, who asked, the prospect's commitment, which of their customers it is and the account's caution note. The
    /// reference is a customer: they read who the prospect is and what is asked of them in plain words, never our sales
    /// stages, our people's addresses or the names the system gives things. Empty before the request has an intake.
    /// Our staff are named by marker (<see cref="StaffNames"/>): the page puts in their names.
    /// </summary>
    public static IReadOnlyList<RequestFact> Of(RequestState request, string action)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Intake is not { } intake) return [];
        return action == ActionNames.OwnerApproval ? ForOwner(request, intake) : ForReference(intake);
    }

    private static List<RequestFact> ForOwner(RequestState request, RequestIntake intake)
    {
        var prospect = intake.Prospect;
        var facts = new List<RequestFact>
        {
            new("Prospect", Company(prospect)),
            new("Speaking with", $"{prospect.ContactTitle ?? prospect.Seniority.Words()} ({prospect.Persona.Words()})"),
            new("Asked for", $"{intake.Activity.Words()} by {TimeWords.Date(intake.NeededBy)}"),
            new("Why", intake.Purpose.Words()),
        };
        if (intake.Topics.Count > 0) facts.Add(new("Topics", string.Join(", ", intake.Topics)));
        if (!string.IsNullOrEmpty(intake.Commitment)) facts.Add(new("Prospect's commitment", intake.Commitment));
        facts.Add(new("Stage", $"{intake.Opportunity.Stage} — requested by {StaffNames.Of(request.RequesterEmail)}"));
        if (request.Current is { } current)
        {
            facts.Add(new("Your customer", $"{current.Account.Name}: {current.Contact.Name}, {current.Contact.Title}"));
            if (current.Account.CautionNote is { } note) facts.Add(new("Caution", note));
        }
        return facts;
    }

    private static List<RequestFact> ForReference(RequestIntake intake)
    {
        var prospect = intake.Prospect;
        var facts = new List<RequestFact>
        {
            new("Who would like to hear from you", Company(prospect)),
            new("You would speak with", string.IsNullOrWhiteSpace(prospect.ContactTitle)
                ? Capital(Words.Role(prospect.Seniority, prospect.Persona))
                : $"{prospect.ContactName}, {prospect.ContactTitle}"),
            new("What it means", Capital(Words.Ask(intake.Activity)) + ", before " + TimeWords.Date(intake.NeededBy)),
            new("Why they ask", Capital(Words.Why(intake.Purpose))),
        };
        if (intake.Topics.Count > 0) facts.Add(new("Topics", Words.List(intake.Topics)));
        return facts;
    }

    private static string Company(ProspectProfile p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.Company} — {p.Industry}, about {p.Employees:N0} people, {Words.Country(p.Country)}");

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

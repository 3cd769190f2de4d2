using System.Globalization;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Api.Actions;

/// <summary>One line of what the person deciding is told about the request.</summary>
public sealed record RequestFact(string Label, string Value)
{
    /// <summary>
    /// The prospect, the ask and the deal, as the action page lists them; the owner asked to approve also sees which of
    /// their customers it is and the account's caution note. Empty before the request has an intake.
    /// </summary>
    public static IReadOnlyList<RequestFact> Of(RequestState request, string action)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Intake is not { } intake) return [];
        var prospect = intake.Prospect;
        var facts = new List<RequestFact>
        {
            new("Prospect", string.Create(CultureInfo.InvariantCulture,
                $"{prospect.Company} — {prospect.Industry}, {prospect.Employees:N0} employees, {prospect.Country}")),
            new("Speaking with", $"{prospect.ContactTitle ?? prospect.Seniority.ToString()} ({prospect.Persona})"),
            new("Asked for", string.Create(CultureInfo.InvariantCulture, $"{intake.Activity} by {intake.NeededBy:yyyy-MM-dd}")),
            new("Why", intake.Purpose.ToString()),
        };
        if (intake.Topics.Count > 0) facts.Add(new("Topics", string.Join(", ", intake.Topics)));
        if (!string.IsNullOrEmpty(intake.Commitment)) facts.Add(new("Prospect's commitment", intake.Commitment));
        facts.Add(new("Stage", $"{intake.Opportunity.Stage} — requested by {request.RequesterEmail}"));
        if (request.Current is { } current && action == ActionNames.OwnerApproval)
        {
            facts.Add(new("Your customer", $"{current.Account.Name}: {current.Contact.Name}, {current.Contact.Title}"));
            if (current.Account.CautionNote is { } note) facts.Add(new("Caution", note));
        }
        return facts;
    }
}

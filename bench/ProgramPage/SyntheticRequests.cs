using ReferenceFlow.Domain.Health.Metrics;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Bench.ProgramPage;

/// <summary>
/// A year of requests as the program figures see them, seeded so every run writes the same: most get approved and
/// introduced within days, some are declined with one of a few reasons, about half hold a call, and the deals close.
/// </summary>
internal static class SyntheticRequests
{
    private static readonly string[] Reasons = ["Customer is mid-renewal", "Too busy this quarter", "Not the right persona", "Strong fit"];

    public static IEnumerable<(string Id, RequestFacts Facts)> Year(int count, DateTimeOffset now, IReadOnlyList<ContactKey> contacts, int seed = 2027)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var submitted = now.AddMinutes(-random.Next(1, 365 * 24 * 60));
            var facts = RequestFacts.None with { SubmittedAt = submitted, Status = RequestStatus.AwaitingOwnerApproval };
            var at = submitted.AddHours(random.Next(1, 48));
            var roll = random.NextDouble();
            if (roll < 0.1)
            {
                facts = facts with { Status = RequestStatus.Unfulfilled, Answers = [new AnswerFact(Answer.OwnerDeclined, at, Reasons[random.Next(Reasons.Length)])] };
            }
            else if (roll < 0.15)
            {
                facts = facts with { Status = RequestStatus.Cancelled };
            }
            else
            {
                var consent = at.AddHours(random.Next(1, 48));
                var introduced = consent.AddHours(random.Next(1, 24));
                facts = facts with
                {
                    Status = RequestStatus.Introduced, IntroducedAt = introduced,
                    Answers = [new AnswerFact(Answer.OwnerApproved, at, random.Next(4) == 0 ? "Strong fit" : null), new AnswerFact(Answer.ReferenceAccepted, consent, null)],
                };
                if (roll < 0.7 && introduced.AddDays(3) < now)
                {
                    var contact = contacts[random.Next(contacts.Count)];
                    var call = introduced.AddDays(random.Next(1, 4));
                    facts = facts with
                    {
                        Status = RequestStatus.Completed,
                        Debriefs = [new DebriefFact(call, true)],
                        Calls = [new CallFact(contact.ReferenceId, contact.ContactId, call, random.Next(3) == 0 ? GiftKind.WhitePaper : null)],
                    };
                    if (call.AddDays(20) < now)
                    {
                        var won = random.Next(2) == 0;
                        facts = facts with
                        {
                            Status = RequestStatus.Closed,
                            Outcome = new OutcomeFact(won, AfterCall: true, won ? 50_000m + random.Next(0, 20) * 10_000m : 0m, call.AddDays(random.Next(5, 20))),
                        };
                    }
                }
            }
            yield return ($"bench-{seed}-{i:D5}", facts);
        }
    }
}

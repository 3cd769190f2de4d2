using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>One thank-you: who was thanked for which request, when, and what was given (null: words only).</summary>
public sealed record ThanksRecord(string ReferenceId, string ContactId, string RequestId, DateTimeOffset At, Gift? Gift)
{
    public ContactKey Contact => new(ReferenceId, ContactId);
}

/// <summary>
/// Thanks counted across the program: per contact, and per gift kind (<see cref="NoGift"/> for a thank-you without one),
/// for the program page's "who helped most and was thanked least".
/// </summary>
public sealed record ThanksTally(IReadOnlyDictionary<ContactKey, int> PerContact, IReadOnlyDictionary<string, int> PerGift)
{
    public const string NoGift = "None";

    public int Total => PerContact.Values.Sum();
}

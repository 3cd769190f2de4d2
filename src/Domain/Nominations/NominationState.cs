namespace ReferenceFlow.Domain.Nominations;

/// <summary>
/// Where a nomination stands: proposed by anyone, approved (invited) or declined by the program manager, then joined,
/// declined by the contact, or expired when the contact never answered.
/// </summary>
public enum NominationState { Proposed, Invited, Joined, Declined, Expired }

/// <summary>Where the proposer met the contact's enthusiasm (domain.md, "Nominations").</summary>
public enum NominationSource { Kickoff, Survey, WonDeal, Other }

/// <summary>One line of a nomination's history: when, by whom, what happened.</summary>
public sealed record NominationChange(DateTimeOffset At, string By, string What);

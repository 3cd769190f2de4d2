namespace ReferenceFlow.Domain.Nominations;

/// <summary>A nomination's source and state as labels, for the pages, their filters and validation messages.</summary>
public static class NominationWords
{
    public static string Words(this NominationSource source) => source switch
    {
        NominationSource.Kickoff => "Kickoff",
        NominationSource.Survey => "Survey",
        NominationSource.WonDeal => "Won deal",
        NominationSource.Other => "Other",
        _ => "Unknown source",
    };

    public static string Words(this NominationState state) => state switch
    {
        NominationState.Proposed => "Proposed",
        NominationState.Invited => "Invited",
        NominationState.Joined => "Joined",
        NominationState.Declined => "Declined",
        NominationState.Expired => "Expired",
        _ => "Unknown state",
    };
}

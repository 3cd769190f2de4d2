namespace ReferenceFlow.Domain.Requests;

/// <summary>"The why" of a request as a label, for the pages and messages of our own staff.</summary>
public static class PurposeWords
{
    public static string Words(this Purpose purpose) => purpose switch
    {
        Purpose.Validate => "Validate specific topics",
        Purpose.Formality => "Formality required by procurement",
        Purpose.Exploring => "Just exploring",
        _ => "Unknown purpose",
    };
}

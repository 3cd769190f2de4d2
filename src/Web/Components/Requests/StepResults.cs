using ReferenceFlow.Api.Requests;

namespace ReferenceFlow.Web.Components.Requests;

/// <summary>What the request page says when a step decided on it did not go through; null when it did.</summary>
public static class StepResults
{
    public static string? Error(RequestResult result) => result switch
    {
        RequestResult.Done => null,
        RequestResult.Forbidden => "Only the account's owner or the program manager can decide this.",
        RequestResult.MovedOn movedOn => movedOn.Message,
        RequestResult.Invalid invalid => invalid.Message,
        _ => "This request cannot take that now; it may have moved on. Refresh to see where it is.",
    };
}

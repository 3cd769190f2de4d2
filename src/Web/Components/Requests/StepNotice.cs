using ReferenceFlow.Api.Requests.Views;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Web.Components.Requests;

/// <summary>What the request page says after it was submitted or a step was decided on it (<c>?submitted=1</c>, <c>?notice=</c>).</summary>
public static class StepNotice
{
    public const string Approved = "approved";
    public const string ApprovedFromNowOn = "approved-from-now-on";
    public const string Declined = "declined";
    public const string AskedNext = "next";
    public const string Extended = "extended";
    public const string InParallel = "parallel";

    /// <summary>Right after submitting, what actually happened. A deferral is said by its own panel, not as a success.</summary>
    public static string? Submitted(RequestView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.State switch
        {
            RequestStatus.Deferred => null,
            RequestStatus.Unfulfilled => "Request recorded, but no reference in the directory fits it right now. The program manager has been told.",
            _ when view.AsksInParallel && Asked(view) > 1 =>
                $"Request submitted. It is needed soon, so we asked {Asked(view)} candidates' owners at once; the first reference to agree takes the call. The program manager knows.",
            RequestStatus.AwaitingOwnerApproval when view.WaitingOn is null => "Request submitted. We matched references and are checking who is free to ask first.",
            RequestStatus.AwaitingOwnerApproval when view.Rushed => "Request submitted. It is needed sooner than usual, so the program manager knows; we asked the top candidate's owner.",
            _ => "Request submitted. We matched references and asked the top candidate's owner.",
        };
    }

    private static int Asked(RequestView view) => view.Candidates.Count(c => c.Standing is CandidateStanding.Asked or CandidateStanding.Approved);

    public static string? Text(string? notice) => notice switch
    {
        Approved => "Approved. We are asking the reference whether they can take the call.",
        ApprovedFromNowOn => "Approved. We are asking the reference whether they can take the call. Future asks for this contact will go "
            + "straight to them; you will get a note each time, with a link to stop.",
        Declined => "Declined. The request moves on to the next candidate; your reason helps the next match.",
        AskedNext => "The owner was told there is nothing left to approve; the request is asking the next candidate.",
        Extended => "The need-by date was moved. The timeline records the change.",
        InParallel => "From now on the request asks several candidates at once; the first reference to agree takes the call.",
        _ => null,
    };
}

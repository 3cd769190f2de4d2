namespace ReferenceFlow.Web.Components.Requests;

/// <summary>The owner's decision on the request page, as posted: the step it answers, the button pressed, an optional reason.</summary>
public sealed class OwnerDecisionForm
{
    public const string Approve = "approve";
    public const string Decline = "decline";

    public string? Step { get; set; }
    public string? Decision { get; set; }
    public string? Reason { get; set; }

    /// <summary>The owner's "from now on" (decision 051): approving also sets a standing approval for the contact asked.</summary>
    public bool FromNowOn { get; set; }
}

/// <summary>The program manager's "ask the next candidate": the owner's step it ends and a note for that owner.</summary>
public sealed class AskNextForm
{
    public string? Step { get; set; }
    public string? Reason { get; set; }
}

/// <summary>The program manager's "ask several at once": the form carries only that it was pressed.</summary>
public sealed class AskInParallelForm
{
    public string? Confirm { get; set; }
}

/// <summary>The program manager's new need-by date, as typed (a date input posts yyyy-MM-dd).</summary>
public sealed class ExtendForm
{
    public string? NeededBy { get; set; }
}

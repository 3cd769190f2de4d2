namespace ReferenceFlow.Web.Components.Requests;

/// <summary>The request page's forms, as posted.</summary>
public sealed class CancelForm
{
    public string? Reason { get; set; }
}

public sealed class DebriefForm
{
    public string? Happened { get; set; }
    public string? MetNeeds { get; set; }
    public string? Concerns { get; set; }
    public string? Landmines { get; set; }
    public string? Notes { get; set; }
}

public sealed class OutcomeForm
{
    public string? Value { get; set; }
}

namespace ReferenceFlow.Api.Requests;

/// <summary>Section <c>ReferenceFlow:Program</c>: who runs the reference program.</summary>
public sealed class ProgramOptions
{
    public const string Section = "ReferenceFlow:Program";

    /// <summary>Receives escalations and rushed requests.</summary>
    public string ManagerEmail { get; set; } = "pm@demo.local";
}

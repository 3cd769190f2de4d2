namespace ReferenceFlow.Workflow.Requests;

/// <summary>The names the engine knows the request workflow by; stored in its history, so never renamed.</summary>
public static class WorkflowNames
{
    public const string Orchestrator = "RequestOrchestrator";
    public const string HandleCommand = "HandleCommand";
    public const string CatchUp = "CatchUp";
    public const string FindSlot = "FindSlot";
    public const string CheckCandidates = "CheckCandidates";

    /// <summary>Every command reaches a waiting request as this one external event.</summary>
    public const string CommandEvent = "Command";
}

namespace ReferenceFlow.Workflow.Imports;

/// <summary>The names the engine knows the directory import by; stored in its history, so never renamed.</summary>
public static class ImportNames
{
    public const string Orchestrator = "ReferenceImport";
    public const string ApplyBatch = "ApplyImportBatch";
}

/// <summary>An import's orchestration input: the job, its batch count, and the first batch this execution applies.</summary>
public sealed record ImportRun(string JobId, int Batches, int From = 0);

/// <summary>One batch of one import job.</summary>
public sealed record ImportBatch(string JobId, int Batch);

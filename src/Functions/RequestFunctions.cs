using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.Activities;
using ReferenceFlow.Workflow.Imports;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Functions;

/// <summary>
/// The request workflow's and the directory import's orchestration and activity triggers: each hands over to the class the embedded
/// engine runs too. The activities take no context from the engine, so none is passed.
/// </summary>
public sealed class RequestFunctions(
    HandleCommandActivity handleCommand, CatchUpActivity catchUp, FindSlotActivity findSlot, CheckCandidatesActivity checkCandidates,
    ApplyImportBatchActivity applyImportBatch)
{
    [Function(ImportNames.Orchestrator)]
    public Task<int> RunImport([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ImportOrchestrator().RunAsync(context, context.GetInput<ImportRun>()!);

    [Function(ImportNames.ApplyBatch)]
    public Task<int> ApplyImportBatch([ActivityTrigger] ImportBatch batch) =>
        applyImportBatch.RunAsync(null!, batch);

    [Function(WorkflowNames.Orchestrator)]
    public Task<string> RunRequest([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RequestOrchestrator().RunAsync(context, context.GetInput<RequestTurn>()!);

    [Function(WorkflowNames.HandleCommand)]
    public Task<Handled> HandleCommand([ActivityTrigger] CommandForRequest command) =>
        handleCommand.RunAsync(null!, command);

    [Function(WorkflowNames.CatchUp)]
    public Task<Handled> CatchUp([ActivityTrigger] string requestId) =>
        catchUp.RunAsync(null!, requestId);

    [Function(WorkflowNames.CheckCandidates)]
    public Task<ChooseCandidate> CheckCandidates([ActivityTrigger] CandidateCheck check) =>
        checkCandidates.RunAsync(null!, check);

    [Function(WorkflowNames.FindSlot)]
    public Task<ProposedSlot> FindSlot([ActivityTrigger] SlotRequest request) =>
        findSlot.RunAsync(null!, request);
}

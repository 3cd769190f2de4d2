using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.ProgramHealth;
using ReferenceFlow.Api.References;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Workflow.People;

namespace ReferenceFlow.Functions.Http;

/// <summary>/api/references: the directory for program managers, and an account's standing approval for its owner too; handed to the handlers the Web host maps.</summary>
public sealed class ReferencesHttp(
    ApiGate gate, IReferenceDirectory directory, ReferenceImporter importer, ProgramService program, PeopleDirectory people, StandingApprovals approvals)
{
    [Function("PutReference")]
    public Task<IResult> Put(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/references/{referenceId}")] HttpRequest req, string referenceId, CancellationToken ct) =>
        gate.RunAsync(req, Roles.ProgramManagerPolicy, _ => ReferencesApi.PutAsync(referenceId, req, directory, people, ct));

    [Function("GetReference")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/references/{referenceId}")] HttpRequest req, string referenceId, CancellationToken ct) =>
        gate.RunAsync(req, Roles.ProgramManagerPolicy, _ => ReferencesApi.GetAsync(referenceId, directory, ct));

    [Function("ListReferences")]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/references")] HttpRequest req, CancellationToken ct) =>
        gate.RunAsync(req, Roles.ProgramManagerPolicy, _ => ReferencesApi.ListAsync(req, directory, program, ct));

    [Function("ImportReferences")]
    public Task<IResult> Import(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/references/import")] HttpRequest req, CancellationToken ct) =>
        gate.RunAsync(req, Roles.ProgramManagerPolicy, user => ReferencesApi.ImportAsync(req, importer, user, ct));

    [Function("GetReferenceImport")]
    public Task<IResult> ImportJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/references/imports/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        gate.RunAsync(req, Roles.ProgramManagerPolicy, _ => ReferencesApi.ImportJobAsync(id, importer, ct));

    [Function("PutStandingApproval")]
    public Task<IResult> PutStanding(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/references/{referenceId}/standing-approval")] HttpRequest req, string referenceId, CancellationToken ct) =>
        gate.RunAsync(req, Roles.OwnerDecisionPolicy, user => ReferencesApi.PutStandingAsync(referenceId, req, approvals, user, ct));

    [Function("DeleteStandingApproval")]
    public Task<IResult> DeleteStanding(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/references/{referenceId}/standing-approval")] HttpRequest req, string referenceId, CancellationToken ct) =>
        gate.RunAsync(req, Roles.OwnerDecisionPolicy, user => ReferencesApi.DeleteStandingAsync(referenceId, approvals, user, ct));
}

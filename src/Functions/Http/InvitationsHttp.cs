using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ReferenceFlow.Api.Nominations;

namespace ReferenceFlow.Functions.Http;

/// <summary>
/// A nominated contact's invitation link: HEAD answers nothing, GET shows what joining means, only POST answers.
/// Anonymous: the signed, single-use token in the URL is the credential.
/// </summary>
public sealed class InvitationsHttp(InvitationService invitations, LinkGate gate)
{
    [Function("InvitationHead")]
    public Task<IResult> Head([HttpTrigger(AuthorizationLevel.Anonymous, "head", Route = "invitations/{token}")] HttpRequest req, string token) =>
        gate.RunAsync(req, InvitationPages.Head);

    [Function("InvitationView")]
    public Task<IResult> View([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "invitations/{token}")] HttpRequest req, string token) =>
        gate.RunAsync(req, () => InvitationPages.ViewAsync(req.HttpContext, token, invitations));

    [Function("InvitationAnswer")]
    public Task<IResult> Answer([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invitations/{token}")] HttpRequest req, string token) =>
        gate.RunAsync(req, () => InvitationPages.AnswerAsync(req.HttpContext, token, invitations));
}

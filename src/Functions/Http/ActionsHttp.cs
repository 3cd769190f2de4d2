using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ReferenceFlow.Api.Actions;

namespace ReferenceFlow.Functions.Http;

/// <summary>
/// The email action links: HEAD answers nothing, GET shows the page, only POST acts (mail scanners open links).
/// Anonymous: the signed, single-use token in the URL is the credential.
/// </summary>
public sealed class ActionsHttp(ActionService actions, LinkGate gate)
{
    [Function("ActionLinkHead")]
    public Task<IResult> Head([HttpTrigger(AuthorizationLevel.Anonymous, "head", Route = "actions/{token}")] HttpRequest req, string token) =>
        gate.RunAsync(req, ActionPages.Head);

    [Function("ActionLinkView")]
    public Task<IResult> View([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "actions/{token}")] HttpRequest req, string token) =>
        gate.RunAsync(req, () => ActionPages.ViewAsync(req.HttpContext, token, actions));

    [Function("ActionLinkAct")]
    public Task<IResult> Act([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "actions/{token}")] HttpRequest req, string token) =>
        gate.RunAsync(req, () => ActionPages.ActAsync(req.HttpContext, token, actions));
}

using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using ReferenceFlow.Api.Preferences;

namespace ReferenceFlow.Functions.Http;

/// <summary>
/// A reference's self-service link: HEAD answers nothing, GET shows their settings, only POST changes them.
/// Anonymous: the signed token in the URL is the credential.
/// </summary>
public sealed class PreferencesHttp(PreferencesService preferences, LinkGate gate)
{
    [Function("PreferencesHead")]
    public Task<IResult> Head([HttpTrigger(AuthorizationLevel.Anonymous, "head", Route = "preferences/{token}")] HttpRequest req, string token) =>
        gate.RunAsync(req, PreferencesPages.Head);

    [Function("PreferencesView")]
    public Task<IResult> View([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "preferences/{token}")] HttpRequest req, string token) =>
        gate.RunAsync(req, () => PreferencesPages.ViewAsync(req.HttpContext, token, preferences));

    [Function("PreferencesChange")]
    public Task<IResult> Change([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "preferences/{token}")] HttpRequest req, string token) =>
        gate.RunAsync(req, () => PreferencesPages.ChangeAsync(req.HttpContext, token, preferences));
}

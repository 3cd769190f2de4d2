using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ReferenceFlow.Api;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Storage.Faults;

namespace ReferenceFlow.Functions.Http;

/// <summary>
/// What the Web host's middleware does around an API endpoint, for an HTTP trigger: the body size limit, the caller's
/// sign-in and the endpoint's role policy, and the problem answers for outages and conflicts. Functions has no
/// endpoint metadata to hang these on, so every API trigger passes through here with the policy it requires.
/// </summary>
public sealed partial class ApiGate(IAuthorizationService authorization, ILogger<ApiGate> logger)
{
    public async Task<IResult> RunAsync(HttpRequest request, string policy, Func<CurrentUser, Task<IResult>> endpoint)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(endpoint);
        var context = request.HttpContext;
        if (await BodySizeLimit.CheckAsync(request) is { } tooLarge) return tooLarge;

        var signIn = await context.AuthenticateAsync();
        if (!signIn.Succeeded || CurrentUser.From(signIn.Principal) is not { } user)
        {
            await context.ChallengeAsync(); // the scheme's WWW-Authenticate header
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized);
        }
        context.User = signIn.Principal;
        if (!(await authorization.AuthorizeAsync(signIn.Principal, policy)).Succeeded)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden);
        }

        try
        {
            return await endpoint(user);
        }
        catch (Exception e) when (ApiProblems.For(e, context.Response) is { } answer)
        {
            if (StorageFaults.IsOutage(e)) LogOutage(logger, request.Path, e);
            return answer;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage outage while serving {Path}; answered 503")]
    private static partial void LogOutage(ILogger logger, string path, Exception exception);
}

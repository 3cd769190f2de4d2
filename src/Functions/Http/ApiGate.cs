using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ReferenceFlow.Api;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Limits;
using ReferenceFlow.Storage.Faults;

namespace ReferenceFlow.Functions.Http;

/// <summary>
/// What the Web host's middleware does around an API endpoint, for an HTTP trigger: the caller's sign-in, the rate
/// limit, the body size limit and the endpoint's role policy, and the problem answers for outages and conflicts. Functions has no
/// endpoint metadata to hang these on, so every API trigger passes through here with the policy it requires.
/// </summary>
public sealed partial class ApiGate(IAuthorizationService authorization, RequestRateLimiter limiter, ILogger<ApiGate> logger)
{
    public async Task<IResult> RunAsync(HttpRequest request, string policy, Func<CurrentUser, Task<IResult>> endpoint)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(endpoint);
        var context = request.HttpContext;
        // Who is calling comes first: the rate and the body a caller may send depend on it, and nothing reads a body before.
        var signIn = await context.AuthenticateAsync();
        if (signIn.Succeeded) context.User = signIn.Principal;
        using var lease = limiter.Limiter.AttemptAcquire(context);
        if (!lease.IsAcquired) return TooManyRequests.For(lease, context.Response);
        if (!signIn.Succeeded || CurrentUser.From(signIn.Principal) is not { } user)
        {
            await context.ChallengeAsync(); // the scheme's WWW-Authenticate header
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized);
        }
        if (await BodySizeLimit.CheckAsync(request, BodySizeLimit.ApiLimitFor(request)) is { } tooLarge) return tooLarge;
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

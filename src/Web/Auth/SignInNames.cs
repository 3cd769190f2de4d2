using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Workflow.People;

namespace ReferenceFlow.Web.Auth;

/// <summary>
/// Remembers the name a person signs in with (the <c>name</c> claim of an Entra ID sign-in, a demo user's name), so the
/// people directory names them to others: in emails, on request pages and timelines.
/// </summary>
public static class SignInNames
{
    /// <summary>After Entra ID's id token is validated (and not refused), its <c>name</c> is kept for the sign-in name.</summary>
    public static IServiceCollection RememberNamesAtSignIn(this IServiceCollection services) =>
        services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
        {
            var validated = o.Events.OnTokenValidated;
            o.Events.OnTokenValidated = async context =>
            {
                await validated(context);
                if (context.Result is null && CurrentUser.From(context.Principal) is { IsAuthenticated: true } user)
                {
                    var people = context.HttpContext.RequestServices.GetRequiredService<PeopleDirectory>();
                    await RememberAsync(people, user.Email, user.Name, context.HttpContext.RequestAborted);
                }
            };
        });

    /// <summary>Keeps <paramref name="name"/> for <paramref name="email"/> unless it is only the address again.</summary>
    public static Task RememberAsync(PeopleDirectory people, string email, string? name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(people);
        return string.IsNullOrWhiteSpace(name) || StaffPrecedence.Same(name, email)
            ? Task.CompletedTask
            : people.RememberAsync(new KnownName(email, name, NameSource.SignIn), ct);
    }
}

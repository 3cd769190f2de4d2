using System.Collections.Concurrent;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Web.Components.Shared;
using ReferenceFlow.Workflow.People;

namespace ReferenceFlow.Web.Auth;

/// <summary>
/// Remembers the zone a signed-in person's browser reads times in (the <c>rf-zone</c> cookie, <see cref="ReaderZone"/>),
/// so that emails to them name times in it too (decision 038). Noted once per person and zone in this process, so a
/// page costs no storage call after the first; a person who travels is noted again in their new zone.
/// </summary>
public sealed class SignInZones(PeopleDirectory people)
{
    private const int MaxNoted = 10_000;

    private readonly ConcurrentDictionary<string, string> _noted = new(StringComparer.OrdinalIgnoreCase);

    public async Task NoteAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (CurrentUser.From(http.User) is not { IsAuthenticated: true } user || ReaderZone.Asked(http) is not { } zone) return;
        if (_noted.TryGetValue(user.Email, out var noted) && noted == zone) return;
        await people.RememberAsync(new KnownName(user.Email, "", NameSource.SignIn, zone), http.RequestAborted).ConfigureAwait(false);
        if (_noted.Count >= MaxNoted) _noted.Clear();
        _noted[user.Email] = zone;
    }
}

public static class SignInZonesExtensions
{
    /// <summary>After authentication, so the caller is known.</summary>
    public static IApplicationBuilder UseSignInZones(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await context.RequestServices.GetRequiredService<SignInZones>().NoteAsync(context);
            await next(context);
        });
}

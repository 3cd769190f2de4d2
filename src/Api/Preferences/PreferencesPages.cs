using ReferenceFlow.Api.LinkPages;

namespace ReferenceFlow.Api.Preferences;

/// <summary>/preferences/{token} as HTML for either host: HEAD nothing, GET the page, only POST changes anything.</summary>
public static class PreferencesPages
{
    public static IResult Head() => TypedResults.Ok();

    public static Task<IResult> ViewAsync(HttpContext context, string token, PreferencesService preferences)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(preferences);
        return HtmlAsync(context, () => preferences.ViewAsync(token, context.RequestAborted));
    }

    public static async Task<IResult> ChangeAsync(HttpContext context, string token, PreferencesService preferences)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(preferences);
        // A POST without a form (a scanner, a stray client) reads as an empty save: it fails validation and changes nothing.
        // The token's signature first (no storage): a forged or expired link is refused without its body being read.
        if (preferences.RefusalBeforeReading(token) is { } refused) return await HtmlAsync(context, () => Task.FromResult(refused));
        var form = await LinkPage.ReadFormAsync(context);
        return await HtmlAsync(context, () => preferences.ChangeAsync(token, PreferencesForm.Read(form), context.RequestAborted));
    }

    private static Task<IResult> HtmlAsync(HttpContext context, Func<Task<PreferencesPageModel>> page) =>
        LinkPage.RespondAsync<PreferencesPage, PreferencesPageModel>(context, page,
            new PreferencesPageModel.Refused(503, "We could not do this just now", "Nothing was changed. Please try the link again in a minute."),
            m => m.Status);
}

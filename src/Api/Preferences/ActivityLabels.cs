using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Api.Preferences;

/// <summary>
/// An activity as the pages a reference sees call it (the Domain's <see cref="ReferenceWords.Agreement"/>), from the
/// name a form posts or a usage row stores; a name this code does not know is shown as it is.
/// </summary>
public static class ActivityLabels
{
    public static string Of(string activity) =>
        Enum.TryParse<Activity>(activity, ignoreCase: false, out var known) && Enum.IsDefined(known) && !activity.All(char.IsDigit)
            ? known.Agreement()
            : activity;
}

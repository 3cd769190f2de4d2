using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Web.Components.Shared;

/// <summary>An activity stored or sent by its name ("SiteVisit") as its label ("Site visit"); an unknown name shows as it is.</summary>
public static class ActivityText
{
    public static string Of(string? name) =>
        name is not null && Enum.TryParse<Activity>(name, ignoreCase: false, out var activity) && Enum.IsDefined(activity) && !name.All(char.IsDigit)
            ? activity.Words()
            : name ?? "";
}

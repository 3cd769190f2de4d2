using ReferenceFlow.Api.Auth;

namespace ReferenceFlow.Web.Components.Shared;

/// <summary>How pages label roles.</summary>
public static class RoleText
{
    public static IReadOnlyList<KeyValuePair<string, string>> Display { get; } =
    [
        new(Roles.ProgramManager, "Program manager"),
        new(Roles.SalesRep, "Sales rep"),
        new(Roles.Owner, "Owner"),
    ];

    public static IEnumerable<string> Of(CurrentUser user) =>
        Display.Where(r => user.Roles.Contains(r.Key)).Select(r => r.Value);
}

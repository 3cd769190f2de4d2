namespace ReferenceFlow.Api.Auth;

/// <summary>
/// Roles given to Entra ID users by configuration (<c>ReferenceFlow:Roles:ProgramManager:0</c>, …), besides the app roles
/// in their token. Each entry is an object id (a GUID: never changes, the safer choice) or a sign-in name (UPN), matched
/// against the token's <c>oid</c> or <c>preferred_username</c> — never its unverified <c>email</c>. API keys and demo
/// users carry their own role in their own entries.
/// </summary>
public sealed class RoleMembers
{
    public const string Section = "ReferenceFlow:Roles";

    public List<string> ProgramManager { get; set; } = [];

    public List<string> SalesRep { get; set; } = [];

    public IEnumerable<string> RolesOf(EntraCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (ProgramManager.Any(m => Names(m, caller))) yield return Roles.ProgramManager;
        if (SalesRep.Any(m => Names(m, caller))) yield return Roles.SalesRep;
    }

    private static bool Names(string member, EntraCaller caller) =>
        Guid.TryParse(member, out var objectId)
            ? Guid.TryParse(caller.ObjectId, out var oid) && oid == objectId
            : string.Equals(member.Trim(), caller.Address, StringComparison.OrdinalIgnoreCase);
}

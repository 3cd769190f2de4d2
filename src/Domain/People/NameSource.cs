namespace ReferenceFlow.Domain.People;

/// <summary>Where a staff member's name came from, most trusted first: the order <see cref="StaffPrecedence"/> follows.</summary>
public enum NameSource
{
    /// <summary>Entra ID, read through Microsoft Graph <c>/users</c>: what the company's own directory says.</summary>
    Graph,

    /// <summary>The <c>name</c> claim of the person's own sign-in (Entra ID, or the demo sign-in).</summary>
    SignIn,

    /// <summary>An owner name given beside an owner address in the reference directory (CSV import or API).</summary>
    Directory,

    /// <summary>The demo users of a Development run.</summary>
    Demo,
}

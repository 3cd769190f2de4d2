namespace ReferenceFlow.Web.Auth;

/// <summary>A user the Development sign-in page offers (<c>ReferenceFlow:DemoUsers</c>).</summary>
public sealed class DemoUser
{
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public string Description { get; set; } = "";

    /// <summary>The IANA zone their emails name times in until their browser says otherwise; the program's zone when empty.</summary>
    public string? TimeZone { get; set; }
}

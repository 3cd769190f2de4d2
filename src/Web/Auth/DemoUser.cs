namespace ReferenceFlow.Web.Auth;

/// <summary>A user the Development sign-in page offers (<c>ReferenceFlow:DemoUsers</c>).</summary>
public sealed class DemoUser
{
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public string Description { get; set; } = "";
}

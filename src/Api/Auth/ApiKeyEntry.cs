namespace ReferenceFlow.Api.Auth;

/// <summary>One API key from configuration (<c>ReferenceFlow:ApiKeys</c>) and whom it stands for.</summary>
public sealed class ApiKeyEntry
{
    public string Key { get; set; } = "";
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
}

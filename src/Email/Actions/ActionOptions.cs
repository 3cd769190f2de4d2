namespace ReferenceFlow.Email.Actions;

/// <summary>
/// Configuration section <c>ReferenceFlow:Actions</c>. <c>SigningKeys</c> is a list: the first key signs,
/// every key verifies, so a new key goes first and the old one stays second until its tokens expired.
/// Development takes a fixed key from appsettings.Development.json (<c>ReferenceFlow:Actions:SigningKeys:0</c>).
/// </summary>
public sealed class ActionOptions
{
    public const string Section = "ReferenceFlow:Actions";

    public const int MinimumKeyLength = 32;

    public IList<string> SigningKeys { get; } = [];

    /// <summary>Public base URL of the app, e.g. https://refs.example.com; links are {BaseUrl}/actions/{token}.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
}

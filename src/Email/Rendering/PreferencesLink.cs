namespace ReferenceFlow.Email.Rendering;

/// <summary>The words of the self-service link every email to a reference carries (api.md, "Reference self-service").</summary>
internal static class PreferencesLink
{
    public const string Label = "Manage how often we ask you";
}

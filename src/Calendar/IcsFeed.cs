namespace ReferenceFlow.Calendar;

/// <summary>One contact's ICS free/busy URL.</summary>
public sealed class IcsFeed
{
    public string Email { get; set; } = "";

    public Uri? Url { get; set; }
}

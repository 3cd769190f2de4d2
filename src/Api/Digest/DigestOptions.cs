namespace ReferenceFlow.Api.Digest;

/// <summary>Section <c>ReferenceFlow:Digest</c>: the program manager's morning email of what waits on them.</summary>
public sealed class DigestOptions
{
    public const string Section = "ReferenceFlow:Digest";

    public bool Enabled { get; set; } = true;

    /// <summary>The hour of the day (0–23) in the program's business time zone from which the day's digest goes out.</summary>
    public int SendHour { get; set; } = 8;
}

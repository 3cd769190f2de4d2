using System.Globalization;
using ReferenceFlow.Api.References;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Web.Components.References;

/// <summary>The account page's standing-approval form as posted: "all" or some contacts, topics comma-separated, no activity ticked for all.</summary>
public sealed class StandingApprovalForm
{
    public const string AllContacts = "all";

    public string? Scope { get; set; }
    public List<string>? ContactIds { get; set; }
    public string? Topics { get; set; }
    public List<string>? Activities { get; set; }
    public string? Until { get; set; }

    /// <summary>The form as it first shows: the account's rule, or all contacts, any topic, any activity, no end.</summary>
    public static StandingApprovalForm From(StandingApproval? rule) => new()
    {
        Scope = rule?.ContactIds is null ? AllContacts : "some",
        ContactIds = rule?.ContactIds?.ToList(),
        Topics = rule?.Topics is { } topics ? string.Join(", ", topics) : null,
        Activities = rule?.Activities?.Select(a => a.ToString()).ToList(),
        Until = rule?.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The API's body for this form; an unreadable date comes back as <paramref name="badDate"/>.</summary>
    public StandingApprovalDto ToDto(out bool badDate)
    {
        DateOnly? until = null;
        badDate = false;
        if (!string.IsNullOrWhiteSpace(Until))
        {
            if (DateOnly.TryParseExact(Until.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) until = date;
            else badDate = true;
        }
        var topics = (Topics ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new StandingApprovalDto(
            Scope == AllContacts ? null : [.. ContactIds ?? []],
            topics.Length == 0 ? null : [.. topics],
            Activities is { Count: > 0 } activities ? [.. activities] : null,
            until);
    }
}

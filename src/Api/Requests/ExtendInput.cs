using System.Globalization;
using ReferenceFlow.Api.Validation;

namespace ReferenceFlow.Api.Requests;

/// <summary>A new need-by date, from POST /api/requests/{id}/extend or the request page, checked as the intake checks one.</summary>
public static class ExtendInput
{
    /// <summary>The date when it is one a request may be needed by; otherwise null with the error under <c>neededBy</c>.</summary>
    public static DateOnly? Check(DateOnly? neededBy, DateOnly today, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (neededBy is not { } date)
        {
            errors.Add("neededBy", string.Create(CultureInfo.InvariantCulture, $"Required: the new date, such as {today.AddDays(14):yyyy-MM-dd}."));
            return null;
        }
        if (date < today) errors.Add("neededBy", "The date is in the past.");
        else if (date > today.AddYears(2)) errors.Add("neededBy", "The date is more than two years away.");
        return errors.Has("neededBy") ? null : date;
    }
}

namespace ReferenceFlow.Domain.Requests;

/// <summary>
/// How the opportunity ended, as the CRM or the rep says it. The names are the public contract's words ("Won", "Lost"):
/// the API, the stored history and the forms carry them as these strings.
/// </summary>
public enum DealOutcome
{
    Won,
    Lost,
}

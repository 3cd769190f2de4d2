namespace ReferenceFlow.Api.Auth;

/// <summary>Role names (claims) and the authorization policies built on them.</summary>
public static class Roles
{
    public const string SalesRep = "SalesRep";
    public const string ProgramManager = "ProgramManager";

    /// <summary>Computed: any user who owns at least one reference account.</summary>
    public const string Owner = "Owner";

    /// <summary>A CRM system calling the outcome webhook.</summary>
    public const string Crm = "Crm";

    public const string RequestsPolicy = "Requests";
    public const string ProgramManagerPolicy = "ProgramManager";
    public const string OutcomePolicy = "Outcome";

    /// <summary>An owner's approval step, answered by an account owner or the program manager (which owner: the service checks).</summary>
    public const string OwnerDecisionPolicy = "OwnerDecision";

    /// <summary>Any signed-in person (not a system such as the CRM): nominations.</summary>
    public const string NominationsPolicy = "Nominations";
}

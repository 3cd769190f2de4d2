namespace ReferenceFlow.ApiContract.Support;

/// <summary>The Development API keys (appsettings.Development.json).</summary>
public static class Keys
{
    public const string ProgramManager = "dev-pm";
    public const string Rep = "dev-rep";
    public const string Rep2 = "dev-rep2";
    public const string Crm = "dev-crm";
}

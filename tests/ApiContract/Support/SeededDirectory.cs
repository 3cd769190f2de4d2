namespace ReferenceFlow.ApiContract.Support;

/// <summary>The directory the request and action-link contracts expect: enough matching references that every test finds candidates.</summary>
public static class SeededDirectory
{
    public const int Accounts = 25;

    public static Task SeedAsync(IApiHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return TestDirectory.SeedAsync(host.ClientFor(Keys.ProgramManager), Accounts);
    }
}

namespace ReferenceFlow.Web.Seed;

public static class DemoDataExtensions
{
    public const string Switch = "ReferenceFlow:Seed:DemoData";

    /// <summary>Seeds the demo program on start when <c>ReferenceFlow:Seed:DemoData</c> is true (Development sets it).</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddSingleton<DemoSeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoSeeder>());
        return services;
    }
}

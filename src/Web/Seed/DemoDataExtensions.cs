namespace ReferenceFlow.Web.Seed;

public static class DemoDataExtensions
{
    /// <summary>Seeds the demo program on start when <c>ReferenceFlow:Seed:DemoData</c> is true (Development does).</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DemoSeeder>();
        if (configuration.GetValue<bool>("ReferenceFlow:Seed:DemoData"))
        {
            services.AddHostedService(sp => sp.GetRequiredService<DemoSeeder>());
        }
        return services;
    }
}

using Microsoft.Extensions.Options;

namespace ReferenceFlow.Web.Auth;

/// <summary>The demo users of the Development sign-in; empty outside Development.</summary>
public sealed class DemoUsers(IOptions<List<DemoUser>> options, IHostEnvironment environment)
{
    public const string Section = "ReferenceFlow:DemoUsers";

    /// <summary>True when the local sign-in page is offered (Development only).</summary>
    public bool Enabled => environment.IsDevelopment();

    public IReadOnlyList<DemoUser> All => Enabled ? options.Value : [];

    public DemoUser? Find(string? email) =>
        All.FirstOrDefault(u => string.Equals(u.Email, email?.Trim(), StringComparison.OrdinalIgnoreCase));
}

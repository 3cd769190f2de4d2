using ReferenceFlow.Api;
using ReferenceFlow.Api.Actions;
using ReferenceFlow.Api.Limits;
using ReferenceFlow.Api.Nominations;
using ReferenceFlow.Api.Preferences;
using ReferenceFlow.Web.Auth;
using ReferenceFlow.Web.Components;
using ReferenceFlow.Web.Hosting;
using ReferenceFlow.Web.Workflow;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorComponents();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi();
builder.AddReferenceFlowAuth();
builder.AddSharedKeyRing();
builder.AddReferenceFlowServices();
builder.AddReferenceFlowHosting();
builder.AddTransportSecurity();
builder.Services.AddReferenceFlowRateLimiting();

var app = builder.Build();
app.UseTransportSecurity();
// The API answers problem details; pages show the friendly error page.
// The pages' handler is outermost, not in a branch: re-running the pipeline for the error page needs routing, which a
// branch does not re-run (the re-run then finds no page and the error becomes a bare 500).
app.UseExceptionHandler("/error", createScopeForErrors: true);
// Outside the API branch for the same reason; the API's problem details are written inside it, so they are kept.
app.UseNotFoundPage();
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler().UseStatusCodePages());
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseMiddleware<OutagePageMiddleware>());
// Who is calling comes first: the rate and the body a caller may send depend on it, and nothing reads a body before.
app.UseSignInCallbackBodyLimit();
app.UseAuthentication();
app.UseSignInZones();
app.UseRateLimiter();
app.UseRequestBodyLimit();
app.UseCookieRequestForgeryCheck();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapReferenceFlowHealth();
app.MapApiDocs();
app.MapSignIn();
app.MapReferenceFlowApi();
app.MapActions();
app.MapPreferences();
app.MapInvitations();
app.MapRazorComponents<App>();
app.Run();

public partial class Program;

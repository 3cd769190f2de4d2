using ReferenceFlow.Web.Actions;
using ReferenceFlow.Web.Api;
using ReferenceFlow.Web.Auth;
using ReferenceFlow.Web.Components;
using ReferenceFlow.Web.Workflow;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorComponents();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi();
builder.AddReferenceFlowAuth();
builder.AddReferenceFlowServices();

var app = builder.Build();
app.UseExceptionHandler();
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseApiBodySizeLimit();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/api-docs", o => o.WithTitle("ReferenceFlow API")).AllowAnonymous();
app.MapSignIn();
app.MapReferenceFlowApi();
app.MapActions();
app.MapRazorComponents<App>();
app.Run();

public partial class Program;

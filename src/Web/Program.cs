var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "ReferenceFlow");
app.Run();

public partial class Program;

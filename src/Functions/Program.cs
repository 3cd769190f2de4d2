using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.Serialization;
using ReferenceFlow.Workflow;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddRequestWorkflow(builder.Configuration);
// Orchestration inputs, events and activity payloads in the same JSON as the embedded engine writes,
// so one task hub can be served by either host.
var codec = JsonCodec.For(typeof(RequestState));
builder.Services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(codec.Options));
builder.Build().Run();

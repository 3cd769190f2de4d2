using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReferenceFlow.Functions;
using ReferenceFlow.Storage.Serialization;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddReferenceFlowFunctions(builder.Configuration);
// Orchestration inputs, events and activity payloads in the same JSON as the embedded engine writes,
// so one task hub can be served by either host.
builder.Services.AddOptions<WorkerOptions>().Configure<JsonCodec>((o, codec) => o.Serializer = new JsonObjectSerializer(codec.Options));
builder.Build().Run();

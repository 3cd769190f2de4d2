using ReferenceFlow.Web.Hosting;

namespace ReferenceFlow.Web.Tests.Support;

/// <summary>The Web host with its API docs closed to anonymous callers, as outside Development by default.</summary>
public sealed class PrivateDocsFactory() : ReferenceFlowFactory(new Dictionary<string, string?> { [ApiDocs.PublicSetting] = "false" });

using ReferenceFlow.TestSupport;
using ReferenceFlow.Api.Requests;
using ReferenceFlow.Web.Workflow;

namespace ReferenceFlow.Web.Tests.Workflow;

public sealed class LocalPathsTests
{
    [Fact]
    public void ARelativeOutboxIsTheCheckoutsWhereverTheAppStarts()
    {
        var fromProject = LocalPaths.Resolve(Path.Combine(RepoRoot.Path, "src", "Web"), "data/outbox");
        var fromRoot = LocalPaths.Resolve(RepoRoot.Path, "data/outbox");

        Assert.Equal(Path.Combine(RepoRoot.Path, "data", "outbox"), fromProject);
        Assert.Equal(fromProject, fromRoot);
    }

    [Fact]
    public void AnAbsolutePathIsKeptAndOutsideACheckoutTheContentRootIsUsed()
    {
        var elsewhere = Directory.CreateTempSubdirectory("rf-app-").FullName;
        try
        {
            Assert.Equal("/var/mail/outbox", LocalPaths.Resolve(elsewhere, "/var/mail/outbox"));
            Assert.Equal(Path.Combine(elsewhere, "data", "outbox"), LocalPaths.Resolve(elsewhere, "data/outbox"));
        }
        finally
        {
            Directory.Delete(elsewhere);
        }
    }
}

namespace ReferenceFlow.Deploy.Tests.Bicep;

public sealed record BicepResult(int ExitCode, string Output, string Errors, IReadOnlyList<string> Diagnostics)
{
    public string Describe() =>
        $"exit {ExitCode}\n{string.Join('\n', Diagnostics)}\n{Errors}";
}

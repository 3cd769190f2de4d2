namespace ReferenceFlow.Bench.SubmitLoad;

/// <summary>The table's rows, each also written to the error stream as it comes: a run stopped half way keeps what it measured.</summary>
internal sealed class Rows : List<(string Scenario, string Figure, string Value)>
{
    public new void Add((string Scenario, string Figure, string Value) row)
    {
        base.Add(row);
        Console.Error.WriteLine($"  | {row.Scenario} | {row.Figure} | {row.Value} |");
    }
}

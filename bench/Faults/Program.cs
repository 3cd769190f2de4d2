using System.Globalization;
using ReferenceFlow.Bench.Faults;

// dotnet run -c Release --project bench/Faults -- [--short] [--seed N] [--requests N] [--kills N] [--flood N] [--logs DIR]
var plan = args.Contains("--short") ? FaultPlan.Short : new FaultPlan();
for (var i = 0; i < args.Length - 1; i++)
{
    int Number() => int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    plan = args[i] switch
    {
        "--seed" => plan with { Seed = Number() },
        "--requests" => plan with { Requests = Number() },
        "--kills" => plan with { Kills = Number() },
        "--flood" => plan with { Flood = Number() },
        _ => plan,
    };
}
var logs = args.SkipWhile(a => a != "--logs").Skip(1).FirstOrDefault()
    ?? Path.Combine(Path.GetTempPath(), $"referenceflow-faults-{DateTime.UtcNow:yyyyMMddHHmmss}");
var report = await FaultRun.RunAsync(plan, logs, line => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}"));
Console.WriteLine(FaultTable.Render(report));
Console.Error.WriteLine($"host logs: {logs}");
return report.Passed ? 0 : 1;

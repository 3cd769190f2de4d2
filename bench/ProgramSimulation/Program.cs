using System.Diagnostics;
using System.Globalization;
using ReferenceFlow.Bench.ProgramSimulation;

// A year of demand on a generated directory, for each strategy over the same seeded program (bench/README.md).
var options = Args.Parse(args);
var start = new DateTimeOffset(2027, 1, 4, 8, 0, 0, TimeSpan.Zero); // a Monday
var directory = SyntheticProgram.Directory(options.Accounts, new Random(options.Seed));
var demand = SyntheticProgram.Demand(start, options.Days, options.PerWeek, new Random(options.Seed + 1));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{options.Days} days, {demand.Count} requests ({options.PerWeek}/week), {directory.Count} accounts / {directory.Sum(a => a.Contacts.Count)} contacts, seed {options.Seed}, standing approvals from {options.StandingShare:P0} of the owners, \"from now on\" ticked on {options.FromNowOn:P0} of approvals"));
Console.WriteLine();

var outcomes = new List<Outcome>();
var trusting = SyntheticProgram.WithStandingApprovals(directory, options.StandingShare, start);
var watch = new CapacityWatch(directory, new ReferenceFlow.Domain.Policies.WorkflowPolicy());
foreach (var strategy in Enum.GetValues<Strategy>())
{
    var clock = Stopwatch.StartNew();
    var year = new YearOfDemand(strategy, strategy.HasStandingApprovals() ? trusting : directory, options.Seed + 2,
        strategy == Strategy.ReferenceFlow ? watch : null, options.FromNowOn);
    outcomes.Add(year.Run(demand));
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{strategy}: {clock.Elapsed.TotalSeconds:F1} s"));
}
Console.WriteLine(Outcome.Table(outcomes));
Console.WriteLine();
var (unfulfilled, foreseen) = watch.Foreseen(outcomes.Single(o => o.Strategy == Strategy.ReferenceFlow).States);
Console.WriteLine($"Capacity forecast (ReferenceFlow, looked at every Monday): the values that ran dry, dated {CapacityWatch.AheadWeeks} weeks ahead: {watch.Error()}.");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Unfulfilled requests foreseen at least two weeks before they came (a need forecast dry by their need-by date): {foreseen} of {unfulfilled}."));

var svg = Path.GetFullPath(options.Svg);
Directory.CreateDirectory(Path.GetDirectoryName(svg)!);
File.WriteAllText(svg, Chart.Render(outcomes));
Console.WriteLine();
Console.WriteLine($"Chart: {svg}");
return outcomes.Single(o => o.Strategy == Strategy.ReferenceFlow).CapViolations == 0 ? 0 : 1;

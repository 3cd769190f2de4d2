using System.Globalization;

namespace ReferenceFlow.Bench.ProgramSimulation;

internal sealed record Args(int Days, int Accounts, double PerWeek, int Seed, string Svg)
{
    public static Args Parse(string[] args)
    {
        var a = new Args(365, 300, 40, 2027, Path.Combine("TestResults", "bench", "year-of-demand.svg"));
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            a = args[i] switch
            {
                "--days" => a with { Days = int.Parse(value, CultureInfo.InvariantCulture) },
                "--accounts" => a with { Accounts = int.Parse(value, CultureInfo.InvariantCulture) },
                "--per-week" => a with { PerWeek = double.Parse(value, CultureInfo.InvariantCulture) },
                "--seed" => a with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--svg" => a with { Svg = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --days, --accounts, --per-week, --seed, --svg."),
            };
        }
        return a;
    }
}

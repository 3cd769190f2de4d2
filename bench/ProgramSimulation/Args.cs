using System.Globalization;

namespace ReferenceFlow.Bench.ProgramSimulation;

internal sealed record Args(int Days, int Accounts, double PerWeek, int Seed, string Svg, double StandingShare, double FromNowOn)
{
    public static Args Parse(string[] args)
    {
        var a = new Args(365, 300, 40, 2027, Path.Combine("TestResults", "bench", "year-of-demand.svg"), 0.5, 0.25);
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
                "--standing-share" => a with { StandingShare = Share("--standing-share", value) },
                "--from-now-on" => a with { FromNowOn = Share("--from-now-on", value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --days, --accounts, --per-week, --seed, --svg, --standing-share, --from-now-on."),
            };
        }
        return a;
    }

    private static double Share(string option, string value)
    {
        var share = double.Parse(value, CultureInfo.InvariantCulture);
        return share is >= 0 and <= 1 ? share : throw new ArgumentException($"{option} is a fraction, 0 to 1; got {value}.");
    }
}

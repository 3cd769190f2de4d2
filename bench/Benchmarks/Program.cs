using BenchmarkDotNet.Running;

// Pick a benchmark by name: dotnet run -c Release --project bench/Benchmarks -- --filter '*Matching*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

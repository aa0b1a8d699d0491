using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/ActionBot.Benchmarks -- --filter '*Extraction*'
// Add --job short for a quick manual check (under two minutes), --job dry to only see that it runs.
// BenchmarkDotNet rebuilds the projects for each run; on a shared 2-core machine that can take longer than its
// default two minutes, so the build may take ten.
BenchmarkSwitcher.FromAssembly(typeof(ActionBot.Benchmarks.ExtractionBenchmarks).Assembly)
    .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));

using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/ActionBot.Benchmarks -- --filter '*Extraction*'
// Add --job short for a quick manual check (under two minutes), --job dry to only see that it runs.
BenchmarkSwitcher.FromAssembly(typeof(ActionBot.Benchmarks.ExtractionBenchmarks).Assembly).Run(args);

using BenchmarkDotNet.Running;
using ReturnMonitor.Benchmarks;

// `score` and `reference` are the one-shot throughput probes of bench/run.sh, `continuous` the data generator of
// bench/continuous.sh; anything else goes to BenchmarkDotNet.
return args.FirstOrDefault() switch
{
    "score" => Probes.Score(args[1..]),
    "reference" => Probes.Reference(args[1..]),
    "phases" => Probes.Phases(args[1..]),
    "continuous" => ContinuousData.Generate(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Probes).Assembly).Run(args);
    return 0;
}

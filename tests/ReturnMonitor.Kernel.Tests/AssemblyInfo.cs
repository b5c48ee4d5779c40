// Each class starts kernels, Jupyter and Chromium processes; on two cores running them side by side only makes each slower.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

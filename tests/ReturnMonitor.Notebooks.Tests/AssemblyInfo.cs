// Notebook runs are serialized process-wide (they change the working directory, culture and Console.Out);
// running test classes in parallel would only make assertions about that global state racy.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

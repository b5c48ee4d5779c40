// Every test here starts Jupyter's own tools (and some Chromium) against the kernel: all are left out of the fast loop,
// dotnet test ReturnMonitor.sln --filter "Category!=Slow" (docs/contributing.md); .ci/run runs them.
[assembly: AssemblyTrait("Category", "Slow")]

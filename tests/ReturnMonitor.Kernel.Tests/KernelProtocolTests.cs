namespace ReturnMonitor.Kernel.Tests;

/// <summary>Jupyter's own client (<c>jupyter_client</c>) drives the installed kernel through the protocol.</summary>
public class KernelProtocolTests(JupyterEnvironment jupyter) : IClassFixture<JupyterEnvironment>
{
    [Fact]
    public void Jupyter_client_drives_the_installed_kernel_through_every_request()
    {
        var (exitCode, output) = jupyter.Run(JupyterEnvironment.Python, [jupyter.Script("kernel_protocol.py"), KernelSpecInstaller.DefaultName, Path.Combine(jupyter.Repository, "notebooks"), "expect-png"],
            jupyter.Root, TimeSpan.FromMinutes(4));

        Assert.True(exitCode == 0, output);
        foreach (var check in new[]
                 {
                     "ok start", "ok kernel_info", "ok expression", "ok stream", "ok display+update+table", "ok error then working cell",
                     "ok chart png=yes", "ok complete", "ok inspect+is_complete", "ok comm_info+history", "ok queued while busy",
                     "ok interrupt", "ok bad signature rejected", "ok restart", "ok shutdown",
                 })
        {
            Assert.Contains(check, output, StringComparison.Ordinal);
        }
    }
}

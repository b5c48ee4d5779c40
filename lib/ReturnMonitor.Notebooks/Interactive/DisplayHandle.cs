namespace ReturnMonitor.Notebooks.Interactive;

/// <summary>Returned by <c>display</c>; <see cref="Update"/> replaces the displayed value in place.</summary>
public sealed class DisplayHandle
{
    private readonly Action<object?> update;

    /// <summary>Creates a handle whose <see cref="Update"/> calls <paramref name="update"/> (made by an <see cref="ICellOutputSink"/>).</summary>
    public DisplayHandle(Action<object?> update)
    {
        this.update = update;
    }

    /// <summary>Replaces the output with a new value.</summary>
    public void Update(object? value) => this.update(value);

    /// <inheritdoc />
    public override string ToString() => string.Empty;
}

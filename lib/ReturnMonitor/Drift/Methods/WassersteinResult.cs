namespace ReturnMonitor.Drift;

/// <summary>The Wasserstein-1 distance of a numeric feature, raw and scale-free.</summary>
/// <param name="Distance">W1 in the feature's units, ≥ 0.</param>
/// <param name="Normed">W1 divided by the reference population standard deviation (by 1 for a constant reference), ≥ 0.</param>
public sealed record WassersteinResult(double Distance, double Normed);

namespace ReturnMonitor.Monitoring.Sections.Money;

/// <summary>
/// The money section's value for one batch: the money (<see cref="BatchMoney"/>) and the model check it was derived
/// from, whose reliability assessment picks the label-free extra cost the renderings cite and whose warnings withhold
/// the threshold advice for a model that is no use.
/// </summary>
/// <param name="Money">Return cost with band, realized when labelled, extra vs the reference, decisions, threshold advice.</param>
/// <param name="Model">The model check of the same scoring pass.</param>
public sealed record MoneyCheck(BatchMoney Money, ModelCheck Model);

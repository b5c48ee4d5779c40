namespace ReturnMonitor.Monitoring;

/// <summary>How soon someone should act on a batch, in the original dashboard's three levels.</summary>
public enum Urgency
{
    /// <summary>Nothing to fix: keep monitoring, document, review periodically.</summary>
    Maintain,

    /// <summary>Watch closely: collect more data, schedule retraining.</summary>
    Monitor,

    /// <summary>Act now: investigate, retrain, alert stakeholders, consider rolling the model back.</summary>
    Urgent,
}

using ReturnMonitor.Data;
using ReturnMonitor.Modeling;
using ReturnMonitor.Tests.Summaries;

namespace ReturnMonitor.Tests.Modeling;

/// <summary>The fast batch scorer gives bit-identical probabilities to ML.NET's own scoring path.</summary>
public class ForestScorerTests
{
    private static readonly Lazy<ReturnModel> Model = new(() => ReturnModel.Train(OrderCsv.Read(Path.Combine(TestPaths.Data, "train.csv"))));

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void Scores_equal_the_mlnet_path_bit_for_bit_on_every_scenario_and_unseen_categories()
    {
        var model = Model.Value;
        Assert.True(model.UsesForestScorer);
        foreach (var scenario in Scenario.All)
        {
            var batch = OrderGenerator.Generate(scenario, 40_000, 11);
            Assert.Equal(model.PredictProbabilitiesWithMlNet(batch), model.PredictProbabilities(batch));
        }

        var unseen = OrderCsv.Parse(StreamingSupport.Header + "\n12,0,3.2,6,31,10,1,0,Toys,XXXL\n500,40,1,20,90,30,30,1,Clothing,XS\n0,0,5,0,0,0,0,0,Beauty,NA\n");
        Assert.Equal(model.PredictProbabilitiesWithMlNet(unseen), model.PredictProbabilities(unseen));
        Assert.Empty(model.PredictProbabilities(unseen.Select([])));
    }

    [Fact]
    public void A_saved_and_loaded_model_scores_identically()
    {
        var directory = Cli.CliRunner.TempDirectory();
        Model.Value.Save(directory);
        var loaded = ReturnModel.Load(directory);
        var batch = OrderGenerator.Generate(Scenario.FlashSale, 30_000, 5);

        Assert.True(loaded.UsesForestScorer);
        Assert.Equal(Model.Value.PredictProbabilities(batch), loaded.PredictProbabilities(batch));
        Assert.Equal(loaded.PredictProbabilitiesWithMlNet(batch), loaded.PredictProbabilities(batch));
    }
}

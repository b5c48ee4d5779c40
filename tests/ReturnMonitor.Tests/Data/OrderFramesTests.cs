using ReturnMonitor.Data;

namespace ReturnMonitor.Tests.Data;

public class OrderFramesTests
{
    [Fact]
    public void Data_frame_keeps_columns_values_and_order()
    {
        var table = OrderGenerator.Generate(Scenario.FlashSale, 50, seed: 4);

        var frame = OrderFrames.ToDataFrame(table, maxRows: 20);

        Assert.Equal(OrderSchema.ColumnOrder, frame.Columns.Select(c => c.Name));
        Assert.Equal(20, frame.Rows.Count);
        Assert.Equal(table.Numeric(OrderSchema.DiscountPercentage)[7], (double)frame[OrderSchema.DiscountPercentage][7]);
        Assert.Equal(table.Categorical(OrderSchema.SizeOrdered)[3], (string)frame[OrderSchema.SizeOrdered][3]);
        Assert.Equal(table.Returned[5], (bool)frame[OrderSchema.Target][5]);
    }
}

using System.Globalization;
using System.Text;

namespace ReturnMonitor.Tests.Data;

/// <summary>
/// A table of another shape than the demo's, like the public e-commerce return files of issue 20: a pandas index column
/// with an empty header, an order id, <c>Product_Price</c>, <c>payment_method</c>, <c>customer_tenure_days</c>,
/// <c>InvoiceDate</c> (M/d/yyyy H:mm), a free-text <c>Description</c> and a text label <c>Return_Status</c>. Integer
/// formulas only, so that tests/reference/make_other_shape_reference.py writes the same bytes (its SHA-256 is kept in
/// Drift/Reference/other_shape.json with the scipy values computed on them).
/// </summary>
internal static class OtherShapeOrders
{
    public const string Header = ",order_id,Product_Price,payment_method,customer_tenure_days,InvoiceDate,Description,Return_Status";

    private static readonly string[] Methods = ["card", "card", "card", "card", "card", "paypal", "paypal", "paypal", "invoice", "cash"];
    private static readonly string[] MethodsNow = ["card", "card", "card", "paypal", "paypal", "paypal", "paypal", "paypal", "invoice", "cash"];

    /// <summary>The reference (400 orders, January to March 2024) or the current batch (300 orders, April to June, shifted).</summary>
    public static string Csv(bool reference) => Csv(reference, (_, _) => true);

    /// <summary>
    /// The same file with each row's cells edited in place by <paramref name="edit"/> (row index, cells; false drops the
    /// row), the header's names by <paramref name="header"/>, and then header and rows reshaped by <paramref name="shape"/>
    /// (e.g. a column removed).
    /// </summary>
    public static string Csv(bool reference, Func<int, string[], bool> edit, Func<string[], string[]>? header = null, Func<string[], string[]>? shape = null)
    {
        shape ??= cells => cells;
        var text = new StringBuilder();
        text.Append(string.Join(',', shape((header ?? (h => h))(Header.Split(','))))).Append('\n');
        var n = reference ? 400 : 300;
        for (var i = 0; i < n; i++)
        {
            int cents, tenure, month, day;
            string method;
            if (reference)
            {
                cents = 500 + (i * 3731 % 20000);
                method = Methods[i * 7 % 10];
                tenure = i * 97 % 2000;
                (month, day) = (1 + (i % 3), 1 + (i * 5 % 28));
            }
            else
            {
                cents = 800 + (i * 4177 % 22000);
                method = MethodsNow[i * 3 % 10];
                tenure = 100 + (i * 89 % 1500);
                (month, day) = (4 + (i % 3), 1 + (i * 3 % 28));
            }

            var cells = new[]
            {
                I(i),
                $"ORD-{I(100000 + i)}",
                $"{I(cents / 100)}.{(cents % 100).ToString("D2", CultureInfo.InvariantCulture)}",
                method,
                I(tenure),
                $"{I(month)}/{I(day)}/2024 {I(8 + (i % 10))}:{(i * 7 % 60).ToString("D2", CultureInfo.InvariantCulture)}",
                $"Item {I(i % 7)} in a gift box",
                i * 11 % 9 == 0 ? "Returned" : "Not Returned",
            };
            if (edit(i, cells))
            {
                text.Append(string.Join(',', shape(cells))).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Writes <paramref name="csv"/> to a new file in a new temporary folder and returns its path.</summary>
    public static string Write(string csv, string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "rm-shape-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, csv, new UTF8Encoding(false));
        return path;
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}

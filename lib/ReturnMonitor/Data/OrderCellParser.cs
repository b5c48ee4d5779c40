using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ReturnMonitor.Data;

/// <summary>
/// The one cell parser of the project: turns the UTF-8 bytes of one CSV cell into a checked feature value or label,
/// or a <see cref="DataFormatException"/> naming file, line, column and value. Used by the table reader and the streaming
/// summariser alike. Numbers: white space (Unicode) trimmed, invariant culture, any <see cref="NumberStyles.Float"/>
/// spelling, then <see cref="FeatureDefinition.Validate"/>; the common plain decimal (at most 15 digits) is parsed
/// without decoding and gives the same double. Categories: trimmed, never empty (<c>NA</c> is a size, not a gap).
/// An empty feature cell is an error or a missing value as <see cref="MissingCells"/> says; an empty label is always an error.
/// </summary>
internal sealed class OrderCellParser
{
    private static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    private readonly string file;
    private readonly ReadPlan plan;
    private readonly bool allowMissing;
    private readonly double[] minimum;
    private readonly double[] maximum;

    public OrderCellParser(string file, MissingCells missing, ReadPlan plan)
    {
        this.file = file;
        this.plan = plan;
        allowMissing = missing == MissingCells.Allow;
        minimum = plan.NumericFeatures.Select(f => f.Minimum ?? double.NegativeInfinity).ToArray();
        maximum = plan.NumericFeatures.Select(f => f.Maximum ?? double.PositiveInfinity).ToArray();
    }

    /// <summary>
    /// The value of numeric feature <paramref name="feature"/> (index into <see cref="ReadPlan.NumericFeatures"/>);
    /// NaN for an allowed missing cell. When the cell was a plain decimal, <paramref name="scale"/> ≥ 0 and the value is
    /// exactly <paramref name="mantissa"/>/10^<paramref name="scale"/> (for exact counting); otherwise <paramref name="scale"/> is −1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Number(ReadOnlySpan<byte> cell, int feature, long line, out long mantissa, out int scale)
    {
        if (TryParseDecimal(cell, out mantissa, out scale))
        {
            var value = scale == 0 ? mantissa : mantissa / PowersOfTen[scale];
            if (value >= minimum[feature] && value <= maximum[feature])
            {
                return value;
            }
        }

        scale = -1;
        return NumberSlow(cell, feature, line);
    }

    /// <summary>
    /// The trimmed UTF-8 bytes of categorical feature <paramref name="feature"/> (index into
    /// <see cref="ReadPlan.CategoricalFeatures"/>); empty for an allowed missing cell.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Category(ReadOnlySpan<byte> cell, int feature, long line)
    {
        var trimmed = TrimAscii(cell);
        if (!trimmed.IsEmpty && trimmed[0] < 0x80 && trimmed[^1] < 0x80)
        {
            return trimmed;
        }

        // Empty, or starting/ending with a non-ASCII character that may be Unicode white space.
        trimmed = TrimUnicode(trimmed);
        if (trimmed.IsEmpty && !allowMissing)
        {
            throw new DataFormatException(file, line, plan.CategoricalFeatures[feature].Name, EmptyCategory(plan));
        }

        return trimmed;
    }

    /// <summary>
    /// The target label: 1 for a returned order, 0 otherwise — any spelling of the number 0 or 1, or, when the plan names
    /// a positive value, 1 for that value (trimmed, any case) and 0 for any other. An empty label is an error.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Label(ReadOnlySpan<byte> cell, long line)
    {
        if (plan.Positive is null && cell.Length == 1 && cell[0] is (byte)'0' or (byte)'1')
        {
            return cell[0] - '0';
        }

        return LabelSlow(cell, line);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private double NumberSlow(ReadOnlySpan<byte> cell, int feature, long line)
    {
        var definition = plan.NumericFeatures[feature];
        var text = Decode(cell);
        if (text.IsEmpty)
        {
            return allowMissing ? double.NaN : throw new DataFormatException(file, line, definition.Name, "empty value: a number is required");
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new DataFormatException(file, line, definition.Name, $"'{Show(text)}' is not a number");
        }

        if (definition.Validate(value) is { } problem)
        {
            throw new DataFormatException(file, line, definition.Name, $"'{Show(text)}' {problem}");
        }

        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int LabelSlow(ReadOnlySpan<byte> cell, long line)
    {
        var text = Decode(cell);
        var target = plan.Target ?? OrderSchema.Target;
        if (plan.Positive is not null)
        {
            return text.IsEmpty
                ? throw new DataFormatException(file, line, target, $"empty value: every order needs a label ('{plan.Positive}' means returned)")
                : plan.IsPositive(text) ? 1 : 0;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var label) || (label != 0 && label != 1))
        {
            throw new DataFormatException(file, line, target, $"'{Show(text)}' is not 0 or 1");
        }

        return label == 1 ? 1 : 0;
    }

    /// <summary>The message for an empty category where none is allowed; the demo's size has its own word for "no size".</summary>
    internal static string EmptyCategory(ReadPlan plan) =>
        ReferenceEquals(plan, ReadPlan.Demo) ? "empty value: every order needs a category (use NA for \"no size\")" : "empty value: every order needs a category";

    // The cell as text, white space trimmed.
    private static ReadOnlySpan<char> Decode(ReadOnlySpan<byte> cell) => Encoding.UTF8.GetString(cell).AsSpan().Trim();

    /// <summary>
    /// digits[.digits] with at most 15 significant digits in all: the value is mantissa/10^scale, computed exactly
    /// (both are exact doubles and the division is correctly rounded — the same double the decimal parser returns).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseDecimal(ReadOnlySpan<byte> cell, out long mantissa, out int scale)
    {
        mantissa = 0;
        scale = 0;
        var i = 0;
        while (i < cell.Length && (uint)(cell[i] - '0') <= 9)
        {
            mantissa = mantissa * 10 + (cell[i] - '0');
            i++;
        }

        var integerDigits = i;
        if (integerDigits == 0 || integerDigits > 15)
        {
            return false;
        }

        if (i == cell.Length)
        {
            return true;
        }

        if (cell[i] != (byte)'.')
        {
            return false;
        }

        i++;
        var fractionStart = i;
        while (i < cell.Length && (uint)(cell[i] - '0') <= 9)
        {
            mantissa = mantissa * 10 + (cell[i] - '0');
            i++;
        }

        scale = i - fractionStart;
        return i == cell.Length && scale > 0 && integerDigits + scale <= 15;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> TrimAscii(ReadOnlySpan<byte> cell)
    {
        var start = 0;
        while (start < cell.Length && IsAsciiWhiteSpace(cell[start]))
        {
            start++;
        }

        var end = cell.Length;
        while (end > start && IsAsciiWhiteSpace(cell[end - 1]))
        {
            end--;
        }

        return cell[start..end];
    }

    private static bool IsAsciiWhiteSpace(byte b) => b == (byte)' ' || (b >= 0x09 && b <= 0x0D);

    // Trims what string.Trim trims (char.IsWhiteSpace; every such character is in the Basic Multilingual Plane).
    private static ReadOnlySpan<byte> TrimUnicode(ReadOnlySpan<byte> cell)
    {
        while (!cell.IsEmpty && Rune.DecodeFromUtf8(cell, out var first, out var length) == System.Buffers.OperationStatus.Done && Rune.IsWhiteSpace(first))
        {
            cell = cell[length..];
        }

        while (!cell.IsEmpty && Rune.DecodeLastFromUtf8(cell, out var last, out var length) == System.Buffers.OperationStatus.Done && Rune.IsWhiteSpace(last))
        {
            cell = cell[..^length];
        }

        return cell;
    }

    /// <summary>A cell as shown in a message: one line, at most 40 characters.</summary>
    internal static string Show(ReadOnlySpan<char> cell)
    {
        var text = cell.Length > 40 ? cell[..40].ToString() + "…" : cell.ToString();
        return text.Replace("\r", "\\r").Replace("\n", "\\n");
    }
}

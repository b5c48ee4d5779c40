using System.Text.Json.Nodes;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Drift;

/// <summary>
/// The compact profile form of a numeric feature with many distinct values (more than <see cref="Threshold"/>, or a
/// sketch): lossless, a few bytes per distinct value instead of two JSON numbers. Fields of the feature object:
/// <c>"encoding": "delta-varint"</c>; <c>"scale"</c>: s when every value is exactly the double nearest m/10^s for an
/// integer m (then the values are the m's), or null (then they are the values' order-preserving 64-bit keys);
/// <c>"values"</c>: base64 of the first value (zigzag varint of m, or the key) followed by the positive differences
/// (unsigned LEB128 varints); <c>"counts"</c>: base64 of the counts as varints; for a sketch, <c>"sketchLevel"</c> ℓ and
/// <c>"mixed"</c>: base64 of one bit per entry (least significant first), set for a bucket holding several values.
/// A continuous column with 6 decimals takes about 3–4 bytes per entry (5 in base64), so a profile holds at most the
/// exact limit of entries per feature (<see cref="EmpiricalDistribution.DefaultExactLimit"/>, about 1.3 MB) whatever the rows.
/// </summary>
internal static class CompactColumn
{
    /// <summary>Distinct values above which a feature is written compactly (below it the plain arrays stay readable).</summary>
    public const int Threshold = 1024;

    /// <summary>Value of the <c>encoding</c> field.</summary>
    public const string Encoding = "delta-varint";

    /// <summary>Whether <paramref name="d"/> is written in the compact form.</summary>
    public static bool Applies(EmpiricalDistribution d) => !d.IsExact || d.Values.Length > Threshold;

    /// <summary>Adds the compact fields of <paramref name="d"/> to <paramref name="feature"/>.</summary>
    public static void Write(JsonObject feature, EmpiricalDistribution d)
    {
        var values = d.Values;
        var scale = DecimalScale(values);
        var bytes = new List<byte>(values.Length * 4);
        for (var i = 0; i < values.Length; i++)
        {
            if (scale is { } s)
            {
                var m = (long)Math.Round(values[i] * Math.Pow(10, s));
                var previous = i == 0 ? 0 : (long)Math.Round(values[i - 1] * Math.Pow(10, s));
                Varint(bytes, i == 0 ? (ulong)((m << 1) ^ (m >> 63)) : (ulong)(m - previous));
            }
            else
            {
                Varint(bytes, i == 0 ? SortedRun.Key(values[i]) : SortedRun.Key(values[i]) - SortedRun.Key(values[i - 1]));
            }
        }

        var counts = new List<byte>(values.Length * 2);
        foreach (var c in d.Counts)
        {
            Varint(counts, (ulong)c);
        }

        feature["encoding"] = Encoding;
        feature["scale"] = scale;
        feature["values"] = Convert.ToBase64String(bytes.ToArray());
        feature["counts"] = Convert.ToBase64String(counts.ToArray());
        if (!d.IsExact)
        {
            var mixed = new byte[(values.Length + 7) / 8];
            for (var i = 0; i < values.Length; i++)
            {
                mixed[i / 8] |= (byte)(d.IsMixed(i) ? 1 << (i % 8) : 0);
            }

            feature["sketchLevel"] = d.SketchLevel;
            feature["mixed"] = Convert.ToBase64String(mixed);
        }
    }

    /// <summary>Reads a feature written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">Bad base64, varints, order, counts or level.</exception>
    public static EmpiricalDistribution Read(JsonNode feature, string name)
    {
        var scale = (int?)feature["scale"];
        if (scale is < 0 or > 9)
        {
            throw new FormatException($"feature '{name}': scale {scale} is not in 0..9");
        }

        var valueBytes = Convert.FromBase64String((string?)feature["values"] ?? throw new FormatException($"feature '{name}': missing 'values'"));
        var countBytes = Convert.FromBase64String((string?)feature["counts"] ?? throw new FormatException($"feature '{name}': missing 'counts'"));
        var counts = new List<long>();
        var position = 0;
        while (position < countBytes.Length)
        {
            var c = ReadVarint(countBytes, ref position, name);
            counts.Add(c is 0 or > long.MaxValue ? throw new FormatException($"feature '{name}': count {c} is not positive") : (long)c);
        }

        var values = new double[counts.Count];
        position = 0;
        long mantissa = 0;
        ulong key = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var raw = ReadVarint(valueBytes, ref position, name);
            if (i > 0 && raw == 0)
            {
                throw new FormatException($"feature '{name}': values are not strictly increasing");
            }

            if (scale is { } s)
            {
                mantissa = i == 0 ? (long)(raw >> 1) ^ -(long)(raw & 1) : checked(mantissa + (long)raw);
                values[i] = mantissa / Math.Pow(10, s);
            }
            else
            {
                key = i == 0 ? raw : checked(key + raw);
                values[i] = FromKey(key);
            }

            if (double.IsNaN(values[i]) || (i > 0 && !(values[i] > values[i - 1])))
            {
                throw new FormatException($"feature '{name}': values are not strictly increasing numbers");
            }
        }

        if (position != valueBytes.Length)
        {
            throw new FormatException($"feature '{name}': {values.Length} counts but more values");
        }

        var level = (int?)feature["sketchLevel"] ?? 0;
        bool[]? mixed = null;
        if (level != 0)
        {
            if (level is < 1 or > SortedRun.MaxLevel)
            {
                throw new FormatException($"feature '{name}': sketch level {level} is not in 1..{SortedRun.MaxLevel}");
            }

            var bits = Convert.FromBase64String((string?)feature["mixed"] ?? throw new FormatException($"feature '{name}': missing 'mixed'"));
            if (bits.Length != (values.Length + 7) / 8)
            {
                throw new FormatException($"feature '{name}': 'mixed' has {bits.Length} bytes for {values.Length} entries");
            }

            mixed = Enumerable.Range(0, values.Length).Select(i => (bits[i / 8] & (1 << (i % 8))) != 0).ToArray();
            for (var i = 1; i < values.Length; i++)
            {
                if (SortedRun.Key(values[i]) >> level == SortedRun.Key(values[i - 1]) >> level)
                {
                    throw new FormatException($"feature '{name}': two entries share a bucket of level {level}");
                }
            }
        }

        return EmpiricalDistribution.FromRun(new SortedRun(values, counts.ToArray(), mixed, values.Length, level));
    }

    // The smallest s in 0..9 such that every value is the double nearest to an integer m over 10^s (|m| < 2^53);
    // null when there is none. Parsing "m·10^-s" and dividing the exact doubles m and 10^s both round the same real
    // number correctly, so m / 10^s gives back the very double.
    private static int? DecimalScale(ReadOnlySpan<double> values)
    {
        for (var s = 0; s <= 9; s++)
        {
            var power = Math.Pow(10, s);
            var all = true;
            foreach (var v in values)
            {
                var m = Math.Round(v * power);
                if (!(Math.Abs(m) < 9007199254740992.0) || m / power != v)
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return s;
            }
        }

        return null;
    }

    private static double FromKey(ulong key)
    {
        var bits = (key & 0x8000_0000_0000_0000UL) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFUL : ~key;
        return BitConverter.Int64BitsToDouble((long)bits);
    }

    private static void Varint(List<byte> bytes, ulong value)
    {
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
    }

    private static ulong ReadVarint(byte[] bytes, ref int position, string name)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= bytes.Length)
            {
                throw new FormatException($"feature '{name}': truncated varint");
            }

            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException($"feature '{name}': varint longer than 64 bits");
    }
}

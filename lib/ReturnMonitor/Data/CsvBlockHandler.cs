namespace ReturnMonitor.Data;

/// <summary>
/// Takes one block of whole CSV records (UTF-8, already checked) from <see cref="CsvRecordBlocks.Read"/>;
/// <paramref name="line"/> is the file line of the block's first record and must be advanced past its last one.
/// </summary>
internal delegate void CsvBlockHandler(ReadOnlySpan<byte> block, ref long line);

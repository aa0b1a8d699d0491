using System.Text;
using ActionBot.Core.Extraction;
using ActionBot.Core.Tests.Extraction.TestData;

namespace ActionBot.Core.Tests.Extraction;

/// <summary>
/// Random, mutated and hostile input never throws, and every result keeps the invariants of an action item.
/// Each case derives its own seed and prints it on failure: <c>new Random(seed)</c> replays that one case.
/// Timing is left to PathologicalBenchmarks: no timed assertions here.
/// </summary>
public sealed class ExtractorFuzzTests
{
    private const int CasesPerSeed = 400;
    private readonly ActionItemExtractor _extractor = new();

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];
    public static TheoryData<string> EdgeShapeNames => [.. HostileDocuments.EdgeShapes.Keys];
    public static TheoryData<string> PathologicalNames => [.. HostileDocuments.Pathological.Keys];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomMarkdownTokens_NeverThrow_AndKeepInvariants(int seed)
    {
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var caseSeed = CaseSeed(seed, i);
            AssertExtractsCleanly(FuzzInputs.TokenSoup(new Random(caseSeed)), $"token soup, case seed {caseSeed}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MutatedPostmortems_NeverThrow_AndKeepInvariants(int seed)
    {
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var caseSeed = CaseSeed(seed, i);
            var bytes = FuzzInputs.Mutate(new Random(caseSeed), FuzzSeedPostmortems.All);
            var repro = $"mutated postmortem, case seed {caseSeed}";

            var decoded = AssertDecodesToTextOrError(bytes, repro);
            if (decoded.Text is not null)
                AssertExtractsCleanly(decoded.Text, repro + " (decoded)");
            // Also feed the lossy decoding, so mutations the decoder refuses still reach the extractor.
            AssertExtractsCleanly(Encoding.UTF8.GetString(bytes), repro + " (lossy UTF-8)");
        }
    }

    [Theory]
    [MemberData(nameof(EdgeShapeNames))]
    public void EdgeShape_NeverThrows_AndKeepsInvariants(string name) =>
        AssertExtractsCleanly(HostileDocuments.EdgeShapes[name](), $"edge shape '{name}'");

    [Theory]
    [MemberData(nameof(PathologicalNames))]
    public void PathologicalInput_Completes_AndKeepsInvariants(string name) =>
        AssertExtractsCleanly(HostileDocuments.Pathological[name](), $"pathological input '{name}'");

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomBytes_DecodeToTextOrError(int seed)
    {
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var caseSeed = CaseSeed(seed, i);
            var repro = $"random bytes, case seed {caseSeed}";
            var decoded = AssertDecodesToTextOrError(FuzzInputs.RandomBytes(new Random(caseSeed)), repro);
            if (decoded.Text is not null)
                AssertExtractsCleanly(decoded.Text, repro);
        }
    }

    [Fact]
    public void EmptyFile_IsAnError() => Assert.NotNull(PostmortemDecoder.Decode([]).Error);

    [Fact]
    public void FileOverFiveMegabytes_IsAnError()
    {
        var bytes = Encoding.UTF8.GetBytes(FuzzInputs.Repeat("- fix it\n", (PostmortemText.MaxBytes / 9) + 1));
        Assert.NotNull(PostmortemDecoder.Decode(bytes).Error);
    }

    [Fact]
    public void FileOfExactlyMaxBytes_IsText()
    {
        var bytes = new byte[PostmortemText.MaxBytes];
        bytes.AsSpan().Fill((byte)'a');
        Assert.NotNull(PostmortemDecoder.Decode(bytes).Text);
    }

    [Theory]
    [InlineData("# Title\n\0\n- fix it\n")]
    [InlineData("\0")]
    [InlineData("- fix it @a by 2024-03-01\0")]
    [InlineData("\u0089PNG\r\n\u001a\n\0\0\0\rIHDR")]
    public void BytesWithNul_AreAnError_AsBinary(string content) =>
        Assert.NotNull(PostmortemDecoder.Decode(Encoding.Latin1.GetBytes(content)).Error);

    private static int CaseSeed(int seed, int caseIndex) => (seed * 100_000) + caseIndex;

    private static PostmortemText AssertDecodesToTextOrError(byte[] bytes, string repro)
    {
        PostmortemText? decoded = null;
        var thrown = Record.Exception(() => decoded = PostmortemDecoder.Decode(bytes));
        Assert.True(thrown is null, $"{repro}: Decode threw {thrown}");
        Assert.True((decoded!.Text is null) != (decoded.Error is null), $"{repro}: expected exactly one of Text and Error");
        Assert.True(decoded.Error is null || decoded.Error.Length > 0, $"{repro}: Error is empty");
        return decoded;
    }

    private void AssertExtractsCleanly(string markdown, string repro)
    {
        ExtractionResult? result = null;
        var thrown = Record.Exception(() => result = _extractor.Extract(markdown));
        Assert.True(thrown is null, $"{repro}: Extract threw {thrown}\ninput starts: {Preview(markdown)}");

        var lines = LineCount(markdown);
        foreach (var item in result!.Items)
        {
            var where = $"{repro}: item '{Preview(item.Text)}' at line {item.Line}";
            Assert.False(string.IsNullOrWhiteSpace(item.Title), $"{where} has an empty Title");
            Assert.True(item.Title.Length <= 100, $"{where} has a Title of {item.Title.Length} chars");
            Assert.True(item.Line >= 1 && item.Line <= lines, $"{where} is outside the {lines} lines of the input");
            Assert.False(string.IsNullOrEmpty(item.Id), $"{where} has no Id");
            Assert.False(item.Text.Contains('\n', StringComparison.Ordinal) || item.Text.Contains('\r', StringComparison.Ordinal), $"{where} has a line break in Text");
            Assert.False(item.Text.Contains("**", StringComparison.Ordinal), $"{where} keeps '**' in Text");
        }
    }

    /// <summary>Lines as Markdig counts them: \n, \r\n and a lone \r each end one.</summary>
    private static int LineCount(string text)
    {
        var lines = 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
                lines++;
        }
        return lines;
    }

    private static string Preview(string text)
    {
        var head = text.Length > 160 ? text[..160] + $"… ({text.Length:N0} chars)" : text;
        return head.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using ActionBot.GitHub.Webhooks;

namespace ActionBot.GitHub.Tests.Webhooks;

public sealed class PostmortemPathMatcherTests
{
    [Theory]
    [InlineData("postmortems/**/*.md", "postmortems/a.md")]
    [InlineData("postmortems/**/*.md", "postmortems/2024/b.md")]
    [InlineData("postmortems/**/*.md", "postmortems/2024/11/c.md")]
    [InlineData("postmortems/*.md", "postmortems/a.md")]
    [InlineData("postmortems/*.md", "postmortems/.md")]
    [InlineData("**/*.md", "a.md")]
    [InlineData("**/*.md", "docs/x/y/a.md")]
    [InlineData("**/postmortems/*.md", "postmortems/a.md")]
    [InlineData("**/postmortems/*.md", "team/ops/postmortems/a.md")]
    [InlineData("docs/**", "docs/a/b/c.txt")]
    [InlineData("docs/**/incidents/**/*.md", "docs/incidents/a.md")]
    [InlineData("docs/**/incidents/**/*.md", "docs/x/incidents/y/z/a.md")]
    [InlineData("**", "anything/at/all.md")]
    [InlineData("PM-????.md", "PM-0042.md")]
    [InlineData("pm/20??-*-*.md", "pm/2024-11-certs.md")]
    [InlineData("*", "README")]
    [InlineData("*a*b*c", "xxaxxbxxc")]
    [InlineData("a**b.md", "axxxb.md")]
    [InlineData("/postmortems/*.md", "postmortems/a.md")]
    [InlineData("postmortems/café.md", "postmortems/café.md")]
    public void Matches(string pattern, string path)
    {
        Assert.True(new PostmortemPathMatcher([pattern]).IsMatch(path));
    }

    [Theory]
    [InlineData("postmortems/**/*.md", "postmortems/a.txt")]
    [InlineData("postmortems/**/*.md", "other/postmortems/a.md")]
    [InlineData("postmortems/**/*.md", "postmortems.md")]
    [InlineData("postmortems/*.md", "postmortems/2024/b.md")]
    [InlineData("postmortems/*.md", "Postmortems/a.md")]
    [InlineData("postmortems/*.md", "postmortems/A.MD")]
    [InlineData("postmortems/*.md", "postmortems\\a.md")]
    [InlineData("PM-????.md", "PM-042.md")]
    [InlineData("PM-????.md", "PM-00042.md")]
    [InlineData("a?c", "a/c")]
    [InlineData("*", "dir/file")]
    [InlineData("docs/**/x.md", "docs/x.md.bak")]
    [InlineData("*a*b*c", "xxaxxbxxcx")]
    [InlineData("postmortems/a.md", "postmortems/a.md/extra")]
    [InlineData("", "a.md")]
    public void DoesNotMatch(string pattern, string path)
    {
        Assert.False(new PostmortemPathMatcher([pattern]).IsMatch(path));
    }

    [Fact]
    public void AnyOfSeveralPatterns_Matches()
    {
        var matcher = new PostmortemPathMatcher(["docs/incidents/*.md", "postmortems/**/*.md"]);

        Assert.True(matcher.IsMatch("postmortems/2024/a.md"));
        Assert.True(matcher.IsMatch("docs/incidents/b.md"));
        Assert.False(matcher.IsMatch("docs/c.md"));
    }

    [Fact]
    public void NoPatterns_MatchesNothing()
    {
        Assert.False(new PostmortemPathMatcher([]).IsMatch("postmortems/a.md"));
    }

    [Fact]
    public void PathologicalPatterns_DoNotBacktrackExponentially()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 30)) + "b";
        var path = new string('a', 4000);
        var deepPattern = string.Concat(Enumerable.Repeat("**/a/", 30)) + "b";
        var deepPath = string.Join('/', Enumerable.Repeat("a", 2000));

        var clock = Stopwatch.StartNew();
        Assert.False(PostmortemPathMatcher.IsMatch(pattern, path));
        Assert.False(PostmortemPathMatcher.IsMatch(deepPattern, deepPath));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("postmortems/**/*.md", "postmortems", true)]
    [InlineData("postmortems/**/*.md", "postmortems/2024/11", true)]
    [InlineData("postmortems/**/*.md", "docs", false)]
    [InlineData("postmortems/*.md", "postmortems", true)]
    [InlineData("postmortems/*.md", "postmortems/2024", false)]
    [InlineData("incidents/*/postmortem.md", "incidents/2024-03", true)]
    [InlineData("incidents/*/postmortem.md", "incidents/2024-03/raw", false)]
    [InlineData("**/postmortem.md", "src/deep/folder", true)]
    [InlineData("docs/**/incidents/*.md", "docs/x/y", true)]
    [InlineData("pm-*.md", "pm", false)]
    public void A_folder_may_hold_matches_only_when_its_path_fits_the_start_of_a_pattern(string pattern, string folder, bool may)
    {
        Assert.Equal(may, new PostmortemPathMatcher([pattern]).MayMatchBelow(folder));
    }
}

using System.Text.RegularExpressions;

namespace ActionBot.Discord;

/// <summary>Discord ids: unsigned 64-bit numbers, sent as strings.</summary>
internal static class Snowflake
{
    public static bool IsValid(string? value) => ulong.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0;
}

/// <summary>GitHub's rules for user names: letters, digits and single hyphens, at most 39 characters.</summary>
internal static partial class GitHubLogin
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    /// <summary>The login without a leading '@' (people type it both ways).</summary>
    public static string Normalize(string value) => value.Trim().TrimStart('@');

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")]
    private static partial Regex Pattern();
}

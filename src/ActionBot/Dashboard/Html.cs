using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ActionBot.Dashboard;

/// <summary>Escaping for everything the dashboard writes: text, attribute values, links and query strings.</summary>
internal static class Html
{
    // All of Unicode stays readable; the characters that matter in HTML (< > & " ' and friends) are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Text or an attribute value (always written in double quotes).</summary>
    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Encoder.Encode(text);

    /// <summary>The URL, encoded for an <c>href</c>, when it is an absolute http(s) link; null for anything else (<c>javascript:</c>, relative...).</summary>
    public static string? SafeHref(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? Encode(uri.AbsoluteUri)
            : null;

    /// <summary>A link to <paramref name="path"/> with these parameters (empty ones left out), encoded for an <c>href</c>.</summary>
    public static string Href(string path, IEnumerable<(string Name, string? Value)> parameters, string? fragment = null)
    {
        var query = string.Join('&', parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return Encode((query.Length == 0 ? path : path + "?" + query) + (fragment is null ? "" : "#" + fragment));
    }

    /// <summary>The dashboard with <paramref name="filter"/>'s state, encoded for an <c>href</c>.</summary>
    public static string PageHref(DashboardFilter filter, string? fragment = null) => Href("/", filter.Parameters(), fragment);

    /// <summary>"Mar 3", with the year when it is not this year's.</summary>
    public static string ShortDate(DateOnly date, DateOnly today) =>
        date.ToString(date.Year == today.Year ? "MMM d" : "MMM d, yyyy", CultureInfo.InvariantCulture);

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

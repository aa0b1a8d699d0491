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

    /// <summary>A link to the page itself with these filters (empty ones left out), encoded for an <c>href</c>.</summary>
    public static string PageHref(params (string Name, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return Encode(query.Length == 0 ? "/" : "/?" + query);
    }
}

using System.Net;
using System.Text;
using ActionBot.Core.Extraction.Text;

namespace ActionBot.Core.Extraction.Readers;

internal enum HtmlPartKind
{
    Heading,
    ListItem,
    Paragraph,
}

/// <summary>A heading, list entry or paragraph found in a raw HTML block.</summary>
internal readonly record struct HtmlPart(HtmlPartKind Kind, int HeadingLevel, string Text, int Line);

/// <summary>
/// Reads headings and list entries out of raw HTML inside Markdown (<c>&lt;h2&gt;</c>, <c>&lt;li&gt;</c>).
/// A small forward scanner, not a full HTML parser: postmortems use only simple markup.
/// </summary>
internal static class HtmlFragment
{
    public static List<HtmlPart> Read(string html, int firstLine)
    {
        var parts = new List<HtmlPart>();
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            var name = TagName(html, i + 1);
            var open = html.IndexOf('>', i);
            if (open < 0)
            {
                break;
            }

            if (name is "ul" or "ol" && BareListItems(html, name, open + 1, firstLine + CountLines(html, i)) is { } bare)
            {
                // "<ul>Ensure that ...</ul>": a list typed without <li>; each line or <br> is an entry.
                parts.AddRange(bare.Items);
                i = bare.End;
                continue;
            }

            var level = name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6' ? name[1] - '0' : 0;
            HtmlPartKind? kind = level > 0 ? HtmlPartKind.Heading : name == "li" ? HtmlPartKind.ListItem : name == "p" ? HtmlPartKind.Paragraph : null;
            if (kind is { } found)
            {
                var end = ContentEnd(html, open + 1, found == HtmlPartKind.ListItem ? null : $"</{name}");
                var text = TextFolding.Fold(WebUtility.HtmlDecode(StripTags(html.AsSpan(open + 1, end - open - 1))));
                if (text.Length > 0)
                {
                    parts.Add(new HtmlPart(found, level, text, firstLine + CountLines(html, i)));
                }
            }

            i = open + 1;
        }

        return parts;
    }

    private static (List<HtmlPart> Items, int End)? BareListItems(string html, string name, int start, int line)
    {
        var close = html.IndexOf($"</{name}", start, StringComparison.OrdinalIgnoreCase);
        var end = close < 0 ? html.Length : close;
        var inner = html.AsSpan(start, end - start);
        if (inner.Contains("<li", StringComparison.OrdinalIgnoreCase) || inner.Contains("<ul", StringComparison.OrdinalIgnoreCase) || inner.Contains("<ol", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var items = new List<HtmlPart>();
        foreach (var piece in inner.ToString().Split(["<br>", "<br/>", "<br />"], StringSplitOptions.None))
        {
            var text = TextFolding.Fold(WebUtility.HtmlDecode(StripTags(piece)));
            if (text.Length > 0)
            {
                items.Add(new HtmlPart(HtmlPartKind.ListItem, 0, text, line));
            }
        }

        return (items, end);
    }

    private static string TagName(string html, int start)
    {
        var end = start;
        while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
        {
            end++;
        }

        return html[start..end].ToLowerInvariant();
    }

    // A list entry ends at its closing tag, the next entry, a nested list or the end of its list.
    private static int ContentEnd(string html, int start, string? closing)
    {
        string[] stops = closing is null ? ["</li", "<li", "<ul", "<ol", "</ul", "</ol"] : [closing];
        var end = html.Length;
        foreach (var stop in stops)
        {
            var at = html.IndexOf(stop, start, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && at < end)
            {
                end = at;
            }
        }

        return end;
    }

    private static string StripTags(ReadOnlySpan<char> html)
    {
        var builder = new StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
                builder.Append(' ');
            }
            else if (!inTag)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static int CountLines(string text, int end) => text.AsSpan(0, end).Count('\n');
}
